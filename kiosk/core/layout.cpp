// Text layout: NFC, UAX #14 + kinsoku break opportunities (text_break), greedy line filling
// measured through FontMetrics, then fit mode: shrink in ~6 % steps down to 75 % of the role size,
// and only when that fails, cut over-wide words by grapheme and end the last line with "…".
#include "kiosk/core/layout.h"

#include "kiosk/core/script.h"
#include "kiosk/core/text_break.h"
#include "kiosk/core/unicode.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utf8proc.h>

namespace kiosk::core {

namespace {

// Sizes at a 1080 px high screen; everything scales linearly with the height.
constexpr int TYPE_SCALE_AT_1080[] = { 88, 60, 44, 34, 28, 22 };
constexpr int REFERENCE_HEIGHT_PX = 1080;
constexpr float FIT_STEP = 0.94f;
constexpr float FIT_FLOOR = 0.75f;
constexpr std::string_view ELLIPSIS = "…";
constexpr float CJK_EXTRA_LEADING = 0.25f; // em, added to TextStyle::line_height for CJK lines

std::string sanitize_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    size_t offset = 0;
    while (offset < text.size()) {
        utf8proc_uint8_t buffer[4];
        auto cp = next_code_point(text, offset);
        auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
    }
    return out;
}

// Whitespace that is not drawn at either end of a line.
size_t space_length_at(std::string_view s, size_t offset)
{
    char c = s[offset];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    // U+200B zero width space, U+2028 line separator, U+2029 paragraph separator.
    if (s.substr(offset, 3) == "\u200B" || s.substr(offset, 3) == "\u2028"
        || s.substr(offset, 3) == "\u2029")
        return 3;
    return 0;
}

std::string_view trim(std::string_view s)
{
    size_t begin = 0;
    while (begin < s.size()) {
        auto n = space_length_at(s, begin);
        if (n == 0)
            break;
        begin += n;
    }
    size_t end = s.size();
    while (end > begin) {
        if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r'
            || s[end - 1] == '\f' || s[end - 1] == '\v') {
            --end;
        } else if (end - begin >= 3 && space_length_at(s, end - 3) == 3) {
            end -= 3;
        } else {
            break;
        }
    }
    return s.substr(begin, end - begin);
}

struct LineSpan {
    size_t begin; // byte range in the text, untrimmed
    size_t end;
};

struct Attempt {
    std::vector<LineSpan> lines;
    float too_wide_px { 0 }; // how far the widest unbreakable piece exceeds the box
};

class Measurer {
public:
    Measurer(std::string_view text, const TextStyle& style, FontMetrics& metrics, int size_px)
        : m_text(text)
        , m_style(style)
        , m_metrics(metrics)
        , m_size_px(size_px)
    {
    }

    int size_px() const { return m_size_px; }

    // Width of a string as drawn: spaces at the ends dropped, each script run shaped whole.
    float width_of(std::string_view s)
    {
        auto t = trim(s);
        float width = 0;
        for (auto& run : split_script_runs(t))
            width += static_cast<float>(m_metrics.measure_px(
                t.substr(run.begin, run.end - run.begin), run.script, m_style.weight, m_size_px));
        return width;
    }
    float width(size_t begin, size_t end) { return width_of(m_text.substr(begin, end - begin)); }

    // Line pitch, never tighter than the fonts themselves (so stacked Vietnamese marks such as
    // ể or Ấ never touch the line above). Latin lines follow the style's multiple of the size.
    // Lines with CJK (and every line of Japanese text, so a paragraph keeps one rhythm) get
    // CJK_EXTRA_LEADING more: unspaced Japanese needs air between lines (about 1.5-1.7 em).
    // Multiplying the CJK font's own 1.45 em height by 1.3 gave 1.9 em, visibly too loose.
    float pitch(bool cjk)
    {
        float size = static_cast<float>(m_size_px);
        float latin = static_cast<float>(
            m_metrics.line_height_px(Script::Latin, m_style.weight, m_size_px));
        if (cjk || m_style.lang == Lang::Ja) {
            float cjk_height = static_cast<float>(
                m_metrics.line_height_px(Script::Cjk, m_style.weight, m_size_px));
            return std::ceil(
                std::max({ latin, cjk_height, size * (m_style.line_height + CJK_EXTRA_LEADING) }));
        }
        return std::ceil(std::max(latin, size * m_style.line_height));
    }

    bool has_cjk(std::string_view s)
    {
        for (auto& run : split_script_runs(s)) {
            if (run.script == Script::Cjk)
                return true;
        }
        return false;
    }
    float pitch_of(std::string_view s) { return pitch(has_cjk(s)); }

private:
    std::string_view m_text;
    const TextStyle& m_style;
    FontMetrics& m_metrics;
    int m_size_px;
};

// Greedy filling: each line takes as many break-separated pieces as fit. A piece wider than the
// box is set alone (and counted in too_wide_px), or with cut_words, cut at grapheme boundaries.
Attempt break_lines(std::string_view text, const std::vector<BreakOpportunity>& breaks, float box_w,
    bool cut_words, Measurer& measurer)
{
    Attempt attempt;
    std::vector<BreakOpportunity> all = breaks;
    all.push_back({ text.size(), true });
    size_t start = 0;
    // A sentinel rather than std::optional: g++ 12 at -O2 warns (falsely) that an optional
    // offset may be used uninitialised.
    constexpr size_t NONE = static_cast<size_t>(-1);
    size_t fit_end = NONE;
    size_t index = 0;
    while (index < all.size()) {
        auto brk = all[index];
        float width = measurer.width(start, brk.offset);
        if (width <= box_w || (fit_end == NONE && !cut_words)) {
            if (width > box_w)
                attempt.too_wide_px = std::max(attempt.too_wide_px, width - box_w);
            fit_end = brk.offset;
            if (brk.mandatory) {
                attempt.lines.push_back({ start, brk.offset });
                start = brk.offset;
                fit_end = NONE;
            }
            ++index;
            continue;
        }
        if (fit_end != NONE) {
            attempt.lines.push_back({ start, fit_end });
            start = fit_end;
            fit_end = NONE;
            continue;
        }
        // Last resort: cut the over-wide piece after as many graphemes as fit (at least one).
        auto piece = text.substr(start, brk.offset - start);
        size_t cut = NONE;
        for (auto boundary : grapheme_boundaries(piece)) {
            if (cut != NONE && measurer.width(start, start + boundary) > box_w)
                break;
            cut = start + boundary;
        }
        if (cut == NONE) {
            // A single grapheme wider than the box: nothing left to cut.
            attempt.too_wide_px = std::max(attempt.too_wide_px, width - box_w);
            fit_end = brk.offset;
            ++index;
            if (brk.mandatory) {
                attempt.lines.push_back({ start, brk.offset });
                start = brk.offset;
                fit_end = NONE;
            }
            continue;
        }
        attempt.lines.push_back({ start, cut });
        start = cut;
    }
    return attempt;
}

struct Fit {
    float height { 0 };
    float too_tall_px { 0 }; // beyond the box height or the max_lines
    size_t lines_that_fit { 0 }; // at least 1
};

Fit evaluate(std::string_view text, const Attempt& attempt, const TextStyle& style, Size box,
    Measurer& measurer)
{
    Fit fit;
    float allowed
        = box.height > 0 ? static_cast<float>(box.height) : std::numeric_limits<float>::max();
    size_t line_count = 0;
    for (auto& line : attempt.lines) {
        fit.height += measurer.pitch_of(text.substr(line.begin, line.end - line.begin));
        ++line_count;
        bool within_lines
            = style.max_lines <= 0 || line_count <= static_cast<size_t>(style.max_lines);
        if (within_lines && fit.height <= allowed)
            fit.lines_that_fit = line_count;
        if (style.max_lines > 0 && line_count == static_cast<size_t>(style.max_lines))
            allowed = std::min(allowed, fit.height);
    }
    fit.lines_that_fit = std::max<size_t>(fit.lines_that_fit, 1);
    if (fit.height > allowed)
        fit.too_tall_px = fit.height - allowed;
    return fit;
}

// The last visible line with "…" appended: cut at the last line-break opportunity that leaves
// room (so a word or "100.000 m³/ngày" is not split), else at the last grapheme that does.
std::string ellipsize(std::string_view line, const std::vector<BreakOpportunity>& line_breaks,
    float box_w, Measurer& measurer)
{
    auto text = trim(line);
    auto fits = [&](size_t end, std::string& out) {
        out = std::string(trim(text.substr(0, end)));
        if (out.empty())
            return false;
        out += ELLIPSIS;
        return measurer.width_of(out) <= box_w;
    };
    std::string candidate;
    if (fits(text.size(), candidate))
        return candidate;
    for (auto it = line_breaks.rbegin(); it != line_breaks.rend(); ++it) {
        if (it->offset < text.size() && fits(it->offset, candidate))
            return candidate;
    }
    auto boundaries = grapheme_boundaries(text);
    for (auto it = boundaries.rbegin(); it != boundaries.rend(); ++it) {
        if (fits(*it, candidate))
            return candidate;
    }
    return std::string(ELLIPSIS);
}

TextLine make_line(
    std::string_view line_text, Measurer& measurer, Weight weight, FontMetrics& metrics)
{
    TextLine line;
    auto text = trim(line_text);
    float x = 0;
    for (auto& run : split_script_runs(text)) {
        auto run_text = text.substr(run.begin, run.end - run.begin);
        float width = static_cast<float>(
            metrics.measure_px(run_text, run.script, weight, measurer.size_px()));
        line.runs.push_back({ std::string(run_text), run.script, x, width });
        x += width;
    }
    line.width = x;
    line.height = measurer.pitch_of(text);
    return line;
}

} // namespace

int type_scale_px(TextRole role, int screen_height_px)
{
    auto index = static_cast<size_t>(role);
    int height = screen_height_px > 0 ? screen_height_px : REFERENCE_HEIGHT_PX;
    long scaled = std::lround(
        static_cast<double>(TYPE_SCALE_AT_1080[index]) * height / REFERENCE_HEIGHT_PX);
    return static_cast<int>(std::max(1L, scaled));
}

TextLayout layout_text(std::string_view text, const TextStyle& style, Size box,
    int screen_height_px, FontMetrics& metrics)
{
    auto normalized = to_nfc(text);
    std::string nfc = normalized ? std::move(*normalized) : sanitize_utf8(text);

    int base_px = style.size_px > 0 ? style.size_px : type_scale_px(style.role, screen_height_px);
    int min_px = style.fit
        ? std::max(1, static_cast<int>(std::ceil(static_cast<float>(base_px) * FIT_FLOOR)))
        : base_px;
    float box_w = box.width > 0 ? static_cast<float>(box.width) : std::numeric_limits<float>::max();

    TextLayout layout;
    layout.weight = style.weight;
    layout.size_px = base_px;
    if (trim(nfc).empty())
        return layout;

    auto breaks = find_line_breaks(nfc, style.lang);
    int size_px = base_px;
    Attempt attempt;
    Fit fit;
    for (;;) {
        Measurer measurer(nfc, style, metrics, size_px);
        attempt = break_lines(nfc, breaks, box_w, false, measurer);
        fit = evaluate(nfc, attempt, style, box, measurer);
        if ((attempt.too_wide_px <= 0 && fit.too_tall_px <= 0) || size_px <= min_px)
            break;
        size_px = std::max(min_px,
            std::min(size_px - 1, static_cast<int>(static_cast<float>(size_px) * FIT_STEP)));
    }

    Measurer measurer(nfc, style, metrics, size_px);
    layout.size_px = size_px;
    layout.overflow_px = std::ceil(std::max(attempt.too_wide_px, fit.too_tall_px));
    if (attempt.too_wide_px > 0) {
        // Over-wide words are cut rather than clipped; the cut may add lines, so re-measure.
        attempt = break_lines(nfc, breaks, box_w, true, measurer);
        fit = evaluate(nfc, attempt, style, box, measurer);
        layout.overflow_px = std::ceil(std::max(layout.overflow_px, fit.too_tall_px));
    }

    size_t shown = std::min(attempt.lines.size(), fit.lines_that_fit);
    for (size_t i = 0; i < shown; ++i) {
        auto span = attempt.lines[i];
        auto line_text = std::string_view(nfc).substr(span.begin, span.end - span.begin);
        if (i + 1 == shown && shown < attempt.lines.size()) {
            // Break opportunities inside this line, relative to its trimmed start.
            auto trimmed = trim(line_text);
            size_t trimmed_begin
                = span.begin + static_cast<size_t>(trimmed.data() - line_text.data());
            std::vector<BreakOpportunity> line_breaks;
            for (auto& brk : breaks) {
                if (brk.offset > trimmed_begin && brk.offset < trimmed_begin + trimmed.size())
                    line_breaks.push_back({ brk.offset - trimmed_begin, brk.mandatory });
            }
            auto cut = ellipsize(trimmed, line_breaks, box_w, measurer);
            layout.lines.push_back(make_line(cut, measurer, style.weight, metrics));
            layout.ellipsized = true;
        } else {
            layout.lines.push_back(make_line(line_text, measurer, style.weight, metrics));
        }
    }

    float y = 0;
    for (auto& line : layout.lines) {
        line.y = y;
        y += line.height;
        layout.width = std::max(layout.width, line.width);
    }
    layout.height = y;
    float align_w = box.width > 0 ? static_cast<float>(box.width) : layout.width;
    for (auto& line : layout.lines) {
        float offset = 0;
        if (style.align == Align::Center)
            offset = std::floor((align_w - line.width) / 2);
        else if (style.align == Align::End)
            offset = align_w - line.width;
        offset = std::max(0.0f, offset);
        for (auto& run : line.runs)
            run.x += offset;
    }
    return layout;
}

} // namespace kiosk::core
