// Result<T>: a value or an error message. Expected failures (bad file, bad database, bad content)
// travel as values; asserts are kept for our own bugs.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk::core {

struct Error {
    std::string message;
};

template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value()
    {
        assert(ok() && "Result::value() called on an error; check ok() first");
        return std::get<T>(m_data);
    }
    const T& value() const
    {
        assert(ok() && "Result::value() called on an error; check ok() first");
        return std::get<T>(m_data);
    }
    T release_value() { return std::move(value()); }
    const std::string& error() const
    {
        assert(!ok() && "Result::error() called on a value; check ok() first");
        return std::get<Error>(m_data).message;
    }

private:
    std::variant<T, Error> m_data;
};

struct Unit { };
using Status = Result<Unit>;
inline Status ok_status()
{
    return Unit {};
}

} // namespace kiosk::core
