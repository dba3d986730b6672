// The kiosk's side and the child's side of the picture rasteriser process. One request at a time
// over a Unix stream socket: a fixed header and the picture's bytes; the reply is a fixed header
// and either the raster's rows (cairo ARGB32, premultiplied, packed) or an error message. Both
// sides treat what they read as hostile: lengths are checked against the picture limits before
// anything is allocated.
#include "kiosk/platform/raster_worker.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <type_traits>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace kiosk::platform {
namespace {

using core::Error;
using Clock = std::chrono::steady_clock;

constexpr uint32_t REQUEST_MAGIC = 0x3151524b; // "KRQ1"
constexpr uint32_t REPLY_MAGIC = 0x3150524b; // "KRP1"
constexpr uint32_t MAX_ERROR_BYTES = 4096;

struct RequestHead {
    uint32_t magic { REQUEST_MAGIC };
    uint32_t bytes { 0 };
    int32_t box_w { 0 };
    int32_t box_h { 0 };
    float focus_x { 0.5f };
    float focus_y { 0.5f };
    uint8_t has_matte { 0 };
    uint8_t matte[4] {};
    uint8_t pad[3] {};
    uint64_t budget { 0 };
};
static_assert(std::is_trivially_copyable_v<RequestHead> && sizeof(RequestHead) == 40);

struct ReplyHead {
    uint32_t magic { REPLY_MAGIC };
    int32_t ok { 0 };
    int32_t width { 0 };
    int32_t height { 0 };
    uint32_t error_bytes { 0 };
};
static_assert(std::is_trivially_copyable_v<ReplyHead> && sizeof(ReplyHead) == 20);

std::atomic<bool> g_abandoned { false };
static_assert(std::atomic<bool>::is_always_lock_free);

constexpr size_t MAX_PICTURE_BYTES
    = std::max(PictureLimits::SVG_MAX_BYTES, PictureLimits::PHOTO_MAX_BYTES);

bool send_all(int fd, const void* data, size_t size)
{
    auto* p = static_cast<const uint8_t*>(data);
    while (size > 0) {
        ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

enum class ReadEnd { Done, Closed, TimedOut, Failed };

// Reads exactly `size` bytes before `deadline`.
ReadEnd recv_all(int fd, void* data, size_t size, Clock::time_point deadline)
{
    auto* p = static_cast<uint8_t*>(data);
    while (size > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return ReadEnd::TimedOut;
        if (g_abandoned)
            return ReadEnd::Failed;
        pollfd pfd { fd, POLLIN, 0 };
        // In slices, so a stop request is seen while a picture is being drawn.
        int ready = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left.count(), 100)));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return ReadEnd::Failed;
        if (ready == 0)
            continue; // the deadline is checked above
        ssize_t n = ::recv(fd, p, size, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return ReadEnd::Closed;
        if (n < 0)
            return ReadEnd::Failed;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return ReadEnd::Done;
}

bool reply_error(int fd, const std::string& message)
{
    ReplyHead head;
    head.ok = 0;
    head.error_bytes = static_cast<uint32_t>(std::min<size_t>(message.size(), MAX_ERROR_BYTES));
    return send_all(fd, &head, sizeof head) && send_all(fd, message.data(), head.error_bytes);
}

} // namespace

RasterWorker::RasterWorker(RasterWorkerOptions options)
    : m_options(std::move(options))
{
}

RasterWorker::~RasterWorker()
{
    std::lock_guard lock(m_mutex);
    stop();
}

std::string RasterWorker::find_helper()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    auto usable = [&](const fs::path& p) {
        return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
    };
    if (const char* env = std::getenv("KIOSK_RASTER_HELPER"); env && *env)
        return usable(env) ? std::string(env) : std::string {};
    auto self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto beside = self.parent_path() / "kiosk-raster";
        if (usable(beside))
            return beside.string();
        // An installed kiosk (/usr/bin/kiosk) keeps its helper in /usr/libexec/kiosk.
        auto installed = self.parent_path().parent_path() / "libexec" / "kiosk" / "kiosk-raster";
        if (usable(installed))
            return installed.string();
    }
#ifdef KIOSK_RASTER_BUILD_HELPER
    if (usable(KIOSK_RASTER_BUILD_HELPER))
        return KIOSK_RASTER_BUILD_HELPER;
#endif
    return {};
}

core::Status RasterWorker::start()
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return Error { std::string("socketpair: ") + std::strerror(errno) };
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // dup2 onto stdin clears close-on-exec there; every other descriptor of ours closes at exec.
    posix_spawn_file_actions_adddup2(&actions, pair[1], 0);
    std::string idle = std::to_string(m_options.idle_exit_ms);
    char* argv[]
        = { const_cast<char*>(m_options.helper.c_str()), const_cast<char*>(idle.c_str()), nullptr };
    pid_t pid = 0;
    int rc = ::posix_spawn(&pid, m_options.helper.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pair[1]);
    if (rc != 0) {
        ::close(pair[0]);
        return Error { "cannot start " + m_options.helper + ": " + std::strerror(rc) };
    }
    m_pid = pid;
    m_socket = pair[0];
    ++m_starts;
    std::lock_guard lock(m_exit_mutex);
    m_exited = false;
    m_live_pid = pid;
    m_reaper = std::thread([this, pid]() {
        siginfo_t info {};
        while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0
            && errno == EINTR) { }
        {
            std::lock_guard lock(m_exit_mutex);
            m_exited = true;
        }
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    });
    return core::ok_status();
}

void RasterWorker::stop()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
    if (m_reaper.joinable()) {
        // Closing the socket ends an idle child; one that is busy is killed.
        {
            std::lock_guard lock(m_exit_mutex);
            if (!m_exited)
                ::kill(m_live_pid, SIGKILL);
        }
        m_reaper.join();
        std::lock_guard lock(m_exit_mutex);
        m_live_pid = 0;
    }
    m_pid = 0;
}

void abandon_pictures_for_shutdown()
{
    g_abandoned = true;
}

void RasterWorker::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_exit_mutex);
    if (m_live_pid > 0 && !m_exited)
        ::kill(m_live_pid, SIGKILL);
}

core::Result<CairoSurfacePtr> RasterWorker::rasterise(
    std::span<const uint8_t> bytes, const RasterRequest& request)
{
    if (request.box_px.width <= 0 || request.box_px.height <= 0)
        return Error { "an empty box" };
    if (bytes.size() > MAX_PICTURE_BYTES)
        return Error { "over the picture size limit" };
    std::lock_guard lock(m_mutex);
    if (m_cancelled || g_abandoned)
        return Error { "the kiosk is stopping" };
    bool child_was_gone = false;
    auto result = attempt(bytes, request, &child_was_gone);
    // A child that ended itself while idle (or died since) gets one fresh start.
    if (!result && child_was_gone && !m_cancelled)
        result = attempt(bytes, request, &child_was_gone);
    return result;
}

core::Result<CairoSurfacePtr> RasterWorker::attempt(
    std::span<const uint8_t> bytes, const RasterRequest& request, bool* child_was_gone)
{
    *child_was_gone = false;
    bool fresh = false;
    bool ended;
    {
        std::lock_guard lock(m_exit_mutex);
        ended = m_exited;
    }
    if (ended)
        stop(); // it ended itself after a quiet spell
    if (m_socket < 0) {
        if (auto started = start(); !started)
            return Error { started.error() };
        fresh = true;
    }
    RequestHead head;
    head.bytes = static_cast<uint32_t>(bytes.size());
    head.box_w = request.box_px.width;
    head.box_h = request.box_px.height;
    head.focus_x = request.focus.x;
    head.focus_y = request.focus.y;
    if (request.matte) {
        head.has_matte = 1;
        head.matte[0] = request.matte->r;
        head.matte[1] = request.matte->g;
        head.matte[2] = request.matte->b;
        head.matte[3] = request.matte->a;
    }
    head.budget = request.budget_bytes;
    auto gone = [&](const char* what) -> core::Result<CairoSurfacePtr> {
        stop();
        *child_was_gone = !fresh;
        return Error { std::string("the picture's decoder ") + what };
    };
    if (!send_all(m_socket, &head, sizeof head) || !send_all(m_socket, bytes.data(), bytes.size()))
        return gone("is not running");
    auto deadline = Clock::now() + std::chrono::milliseconds(m_options.reply_timeout_ms);
    ReplyHead reply;
    switch (recv_all(m_socket, &reply, sizeof reply, deadline)) {
    case ReadEnd::Done:
        break;
    case ReadEnd::TimedOut:
        stop();
        return Error { "the picture took over " + std::to_string(m_options.reply_timeout_ms)
            + " ms to draw; its decoder was stopped" };
    default:
        return gone("ended without an answer (it crashed or ran out of memory)");
    }
    auto malformed = [&]() -> core::Result<CairoSurfacePtr> {
        stop();
        return Error { "the picture's decoder answered nonsense" };
    };
    if (reply.magic != REPLY_MAGIC)
        return malformed();
    if (!reply.ok) {
        if (reply.error_bytes > MAX_ERROR_BYTES)
            return malformed();
        std::string message(reply.error_bytes, '\0');
        if (recv_all(m_socket, message.data(), message.size(), deadline) != ReadEnd::Done)
            return malformed();
        return Error { message };
    }
    // A drawing fits inside the box, a photo fills it: never larger, never over the budget.
    if (reply.width <= 0 || reply.height <= 0 || reply.width > request.box_px.width + 1
        || reply.height > request.box_px.height + 1
        || static_cast<uint64_t>(reply.width) * static_cast<uint64_t>(reply.height) * 4
            > request.budget_bytes)
        return malformed();
    CairoSurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, reply.width, reply.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        stop(); // the rows are still on their way
        return Error { "out of memory for a picture" };
    }
    auto* pixels = cairo_image_surface_get_data(surface.get());
    int stride = cairo_image_surface_get_stride(surface.get());
    size_t row = static_cast<size_t>(reply.width) * 4;
    for (int y = 0; y < reply.height; ++y) {
        auto end = recv_all(m_socket, pixels + static_cast<ptrdiff_t>(y) * stride, row, deadline);
        if (end == ReadEnd::TimedOut) {
            stop();
            return Error { "the picture took over " + std::to_string(m_options.reply_timeout_ms)
                + " ms to draw; its decoder was stopped" };
        }
        if (end != ReadEnd::Done)
            return malformed();
    }
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

int serve_raster_requests(int socket, int idle_exit_ms)
{
    for (;;) {
        pollfd pfd { socket, POLLIN, 0 };
        int ready = ::poll(&pfd, 1, idle_exit_ms);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return 0; // quiet long enough (or the socket broke): the kiosk starts another
        RequestHead head;
        // Once a request has begun, the rest must follow promptly.
        auto deadline = Clock::now() + std::chrono::seconds(10);
        auto end = recv_all(socket, &head, sizeof head, deadline);
        if (end == ReadEnd::Closed)
            return 0; // the kiosk closed its end
        if (end != ReadEnd::Done || head.magic != REQUEST_MAGIC || head.bytes > MAX_PICTURE_BYTES
            || head.box_w <= 0 || head.box_h <= 0 || head.box_w > 32768 || head.box_h > 32768) {
            reply_error(socket, "malformed request");
            return 2;
        }
        std::vector<uint8_t> bytes(head.bytes);
        if (recv_all(socket, bytes.data(), bytes.size(), deadline) != ReadEnd::Done)
            return 2;
        RasterRequest request;
        request.box_px = { head.box_w, head.box_h };
        request.focus = { head.focus_x, head.focus_y };
        if (head.has_matte)
            request.matte
                = core::Color { head.matte[0], head.matte[1], head.matte[2], head.matte[3] };
        request.budget_bytes = static_cast<size_t>(
            std::min<uint64_t>(head.budget, PictureLimits::RASTER_BUDGET_BYTES));
        auto raster = rasterise_picture(bytes, request);
        if (!raster) {
            if (!reply_error(socket, raster.error()))
                return 0;
            continue;
        }
        auto* surface = raster.value().get();
        cairo_surface_flush(surface);
        ReplyHead reply;
        reply.ok = 1;
        reply.width = cairo_image_surface_get_width(surface);
        reply.height = cairo_image_surface_get_height(surface);
        if (!send_all(socket, &reply, sizeof reply))
            return 0;
        auto* pixels = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        size_t row = static_cast<size_t>(reply.width) * 4;
        for (int y = 0; y < reply.height; ++y)
            if (!send_all(socket, pixels + static_cast<ptrdiff_t>(y) * stride, row))
                return 0;
    }
}

} // namespace kiosk::platform
