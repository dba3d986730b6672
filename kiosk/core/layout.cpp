// Text layout: NFC, UAX #14 + kinsoku + BudouX phrase break opportunities (text_break), greedy
// line filling measured through FontMetrics, then fit mode: shrink in ~6 % steps down to 75 % of
// the role size, and only when that fails, cut over-wide words by grapheme and end the last line
// with "…". Text that fits is then shaped: titles balanced, a lone last letter pulled company.
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

// Sizes at a 1080 px short side; everything scales linearly with it. The smallest (Caption) is
// 28 px: read from two metres away. Screens never shrink text to fit (TextStyle::fit is off by
// default): text too long for its box is an overflow that `kiosk-content check` reports.
constexpr int TYPE_SCALE_AT_1080[] = { 88, 60, 44, 34, 30, 28 };
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
    size_t phrases_broken { 0 }; // lines that end inside a Japanese phrase
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

// Greedy filling: each line takes as many break-separated pieces as fit. Pieces end at breaks
// between phrases; a piece wider than the box is broken at the breaks inside its phrase first.
// One still wider is set alone (and counted in too_wide_px), or with cut_words, cut at grapheme
// boundaries.
Attempt break_lines(std::string_view text, const std::vector<BreakOpportunity>& breaks, float box_w,
    bool cut_words, Measurer& measurer)
{
    Attempt attempt;
    std::vector<BreakOpportunity> all;
    std::vector<size_t> inner; // breaks inside phrases, ascending
    for (auto& brk : breaks) {
        if (brk.inside_phrase)
            inner.push_back(brk.offset);
        else
            all.push_back(brk);
    }
    all.push_back({ text.size(), true });
    size_t start = 0;
    // A sentinel rather than std::optional: g++ 12 at -O2 warns (falsely) that an optional
    // offset may be used uninitialised.
    constexpr size_t NONE = static_cast<size_t>(-1);
    size_t fit_end = NONE;
    size_t index = 0;
    auto end_line = [&](size_t end) {
        attempt.lines.push_back({ start, end });
        start = end;
        fit_end = NONE;
    };
    while (index < all.size()) {
        auto brk = all[index];
        float width = measurer.width(start, brk.offset);
        if (width <= box_w) {
            fit_end = brk.offset;
            if (brk.mandatory)
                end_line(brk.offset);
            ++index;
            continue;
        }
        if (fit_end != NONE) {
            end_line(fit_end);
            continue;
        }
        // The piece alone is wider than the box: as much of its phrase as fits, if any does.
        size_t piece_end = brk.offset;
        size_t inner_fit = NONE;
        for (auto it = std::upper_bound(inner.begin(), inner.end(), start);
             it != inner.end() && *it < brk.offset; ++it) {
            if (measurer.width(start, *it) > box_w) {
                if (inner_fit == NONE)
                    piece_end = *it; // even the phrase's first part is too wide
                break;
            }
            inner_fit = *it;
        }
        if (inner_fit != NONE) {
            ++attempt.phrases_broken;
            end_line(inner_fit);
            continue;
        }
        bool whole = piece_end == brk.offset;
        if (!whole)
            width = measurer.width(start, piece_end);
        // Set the over-wide piece alone on its line.
        auto set_alone = [&] {
            attempt.too_wide_px = std::max(attempt.too_wide_px, width - box_w);
            if (!whole) {
                end_line(piece_end);
                return;
            }
            fit_end = brk.offset;
            if (brk.mandatory)
                end_line(brk.offset);
            ++index;
        };
        if (!cut_words) {
            set_alone();
            continue;
        }
        // Last resort: cut the over-wide piece after as many graphemes as fit (at least one).
        auto piece = text.substr(start, piece_end - start);
        size_t cut = NONE;
        for (auto boundary : grapheme_boundaries(piece)) {
            if (cut != NONE && measurer.width(start, start + boundary) > box_w)
                break;
            cut = start + boundary;
        }
        if (cut == NONE) {
            // A single grapheme wider than the box: nothing left to cut.
            set_alone();
            continue;
        }
        end_line(cut);
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

bool balances(const TextStyle& style)
{
    switch (style.wrap) {
    case Wrap::Greedy:
        return false;
    case Wrap::Balance:
        return true;
    case Wrap::Auto:
        break;
    }
    return style.role == TextRole::Display || style.role == TextRole::Title
        || style.role == TextRole::Heading;
}

// Balancing: the narrowest width at which greedy filling still needs no more lines (and breaks
// no more phrases), found by bisection since the line count only grows as the width shrinks.
// Every line then carries about the same length and none is left nearly empty.
Attempt balance(std::string_view text, const std::vector<BreakOpportunity>& breaks, float box_w,
    const Attempt& greedy, Measurer& measurer)
{
    size_t count = greedy.lines.size();
    float total = 0;
    for (auto& line : greedy.lines)
        total += measurer.width(line.begin, line.end);
    // Below the average line width no filling can do with the same count; start a little lower
    // since trimmed spaces make the sum slightly short.
    float lo = 0.9f * total / static_cast<float>(count);
    float hi = box_w;
    Attempt best = greedy;
    constexpr float PRECISION_PX = 1.0f;
    while (hi - lo > PRECISION_PX) {
        float mid = (lo + hi) / 2;
        auto attempt = break_lines(text, breaks, mid, false, measurer);
        if (attempt.too_wide_px <= 0 && attempt.lines.size() <= count
            && attempt.phrases_broken <= greedy.phrases_broken) {
            best = std::move(attempt);
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return best;
}

// Graphemes that are letters or digits (a last line "良」" has one).
size_t letter_count(std::string_view line)
{
    size_t count = 0;
    size_t begin = 0;
    auto boundaries = grapheme_boundaries(line);
    boundaries.push_back(line.size());
    for (auto end : boundaries) {
        size_t offset = begin;
        auto category
            = utf8proc_category(static_cast<utf8proc_int32_t>(next_code_point(line, offset)));
        if ((category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO)
            || (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO))
            ++count;
        begin = end;
    }
    return count;
}

// A last line of one letter ("改/良", "ベトナ/ム"), or for a title one shorter than `min_share` of
// the widest line, takes pieces from the line before it, as long as both still fit (a title's
// last line no wider than its widest) and stay in one paragraph.
void keep_last_line_company(std::string_view text, const std::vector<BreakOpportunity>& breaks,
    float box_w, float min_share, Attempt& attempt, Measurer& measurer)
{
    constexpr size_t MIN_LETTERS = 2;
    constexpr int MAX_PIECES_MOVED = 3;
    size_t count = attempt.lines.size();
    if (count < 2)
        return;
    auto& prev = attempt.lines[count - 2];
    auto& last = attempt.lines[count - 1];
    for (int moved = 0; moved < MAX_PIECES_MOVED; ++moved) {
        float widest = 0;
        for (auto& line : attempt.lines)
            widest = std::max(widest, measurer.width(line.begin, line.end));
        bool lone
            = letter_count(trim(text.substr(last.begin, last.end - last.begin))) < MIN_LETTERS;
        bool short_line = measurer.width(last.begin, last.end) < min_share * widest;
        if (!lone && !short_line)
            return;
        auto at = std::lower_bound(breaks.begin(), breaks.end(), prev.end,
            [](const BreakOpportunity& b, size_t offset) { return b.offset < offset; });
        if (at == breaks.end() || at->offset != prev.end || at->mandatory)
            return; // the last line is a paragraph of its own
        // Between phrases where the line ended between phrases; inside its phrase where a phrase
        // too wide for the line was already broken.
        bool in_phrase = at->inside_phrase;
        auto earlier = std::find_if(std::make_reverse_iterator(at), breaks.rend(),
            [&](const BreakOpportunity& b) { return in_phrase || !b.inside_phrase; });
        float limit = lone ? box_w : widest;
        if (earlier == breaks.rend() || earlier->offset <= prev.begin || earlier->mandatory
            || trim(text.substr(prev.begin, earlier->offset - prev.begin)).empty()
            || measurer.width(earlier->offset, last.end) > limit)
            return;
        prev.end = earlier->offset;
        last.begin = earlier->offset;
    }
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

    auto phrase_breaks = find_line_breaks(nfc, style.lang, metrics.phrase_model());
    // Japanese that does not fit its box between phrases may still fit breaking inside them (as
    // it did before phrases): better than a smaller size, an overflow or an ellipsis.
    auto loose_breaks = phrase_breaks;
    bool has_phrases = false;
    for (auto& brk : loose_breaks) {
        has_phrases |= brk.inside_phrase;
        brk.inside_phrase = false;
    }
    const std::vector<BreakOpportunity>* active = &phrase_breaks;
    int size_px = base_px;
    Attempt attempt;
    Fit fit;
    for (;;) {
        Measurer measurer(nfc, style, metrics, size_px);
        active = &phrase_breaks;
        attempt = break_lines(nfc, phrase_breaks, box_w, false, measurer);
        fit = evaluate(nfc, attempt, style, box, measurer);
        if ((attempt.too_wide_px > 0 || fit.too_tall_px > 0) && has_phrases) {
            auto loose = break_lines(nfc, loose_breaks, box_w, false, measurer);
            auto loose_fit = evaluate(nfc, loose, style, box, measurer);
            if (loose.too_wide_px <= 0 && loose_fit.too_tall_px <= 0) {
                active = &loose_breaks;
                attempt = std::move(loose);
                fit = loose_fit;
            }
        }
        if ((attempt.too_wide_px <= 0 && fit.too_tall_px <= 0) || size_px <= min_px)
            break;
        size_px = std::max(min_px,
            std::min(size_px - 1, static_cast<int>(static_cast<float>(size_px) * FIT_STEP)));
    }

    Measurer measurer(nfc, style, metrics, size_px);
    const auto& breaks = *active;
    layout.size_px = size_px;
    layout.overflow_px = std::ceil(std::max(attempt.too_wide_px, fit.too_tall_px));
    if (attempt.too_wide_px > 0) {
        // Over-wide words are cut rather than clipped; the cut may add lines, so re-measure.
        attempt = break_lines(nfc, breaks, box_w, true, measurer);
        fit = evaluate(nfc, attempt, style, box, measurer);
        layout.overflow_px = std::ceil(std::max(layout.overflow_px, fit.too_tall_px));
    } else if (attempt.lines.size() >= 2 && attempt.lines.size() <= fit.lines_that_fit) {
        // Every line is shown: shape them. Line pitches may differ (CJK lines are taller), so a
        // reshaped text that no longer fits the height keeps its greedy lines.
        auto shaped = attempt;
        constexpr float TITLE_LAST_LINE_SHARE = 0.5f; // of the widest line, at least
        bool balanced = balances(style);
        if (balanced)
            shaped = balance(nfc, breaks, box_w, attempt, measurer);
        if (style.wrap == Wrap::Auto)
            keep_last_line_company(
                nfc, breaks, box_w, balanced ? TITLE_LAST_LINE_SHARE : 0.0f, shaped, measurer);
        auto shaped_fit = evaluate(nfc, shaped, style, box, measurer);
        if (shaped_fit.too_tall_px <= fit.too_tall_px) {
            attempt = std::move(shaped);
            fit = shaped_fit;
        }
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
