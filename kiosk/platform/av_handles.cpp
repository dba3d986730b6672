// The AVIO callbacks over a ByteSource.
#include "kiosk/platform/av_handles.h"

#include <climits>

namespace kiosk::platform {

namespace {

constexpr int AVIO_BUFFER_BYTES = 64 * 1024;

} // namespace

std::string av_error_text(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] {};
    av_strerror(code, text, sizeof text);
    return text;
}

int MediaInput::read_packet(void* opaque, uint8_t* buffer, int size)
{
    auto* self = static_cast<MediaInput*>(opaque);
    if (size <= 0)
        return 0;
    auto n = self->m_source->read_at(self->m_position, { buffer, static_cast<size_t>(size) });
    if (n < 0)
        return AVERROR(EIO);
    if (n == 0)
        return AVERROR_EOF;
    self->m_position += static_cast<uint64_t>(n);
    return static_cast<int>(n);
}

int64_t MediaInput::seek(void* opaque, int64_t offset, int whence)
{
    auto* self = static_cast<MediaInput*>(opaque);
    auto size = static_cast<int64_t>(self->m_source->size());
    int64_t target = 0;
    switch (whence & ~AVSEEK_FORCE) {
    case AVSEEK_SIZE:
        return size;
    case SEEK_SET:
        target = offset;
        break;
    case SEEK_CUR:
        target = static_cast<int64_t>(self->m_position) + offset;
        break;
    case SEEK_END:
        target = size + offset;
        break;
    default:
        return AVERROR(EINVAL);
    }
    if (target < 0 || target > size)
        return AVERROR(EINVAL);
    self->m_position = static_cast<uint64_t>(target);
    return target;
}

core::Result<std::unique_ptr<MediaInput>> MediaInput::open(std::unique_ptr<core::ByteSource> source)
{
    std::unique_ptr<MediaInput> input(new MediaInput());
    input->m_source = std::move(source);
    auto* buffer = static_cast<uint8_t*>(av_malloc(AVIO_BUFFER_BYTES));
    if (!buffer)
        return core::Error { "out of memory" };
    input->m_avio.reset(avio_alloc_context(buffer, AVIO_BUFFER_BYTES, 0, input.get(),
        &MediaInput::read_packet, nullptr, &MediaInput::seek));
    if (!input->m_avio) {
        av_free(buffer);
        return core::Error { "out of memory" };
    }
    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        return core::Error { "out of memory" };
    raw->pb = input->m_avio.get();
    raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    // Only the containers the content may use are probed; nothing else is ever opened (no
    // protocol, no side file: the AVIO is the only input).
    raw->format_whitelist = av_strdup("mov,mp4,m4a,3gp,3g2,mj2,matroska,webm");
    raw->protocol_whitelist = av_strdup("");
    // avformat_open_input frees the context when it fails.
    int rc = avformat_open_input(&raw, nullptr, nullptr, nullptr);
    if (rc < 0)
        return core::Error { "not an MP4 or WebM file (or one cut short before its index)" };
    input->m_format.reset(raw);
    rc = avformat_find_stream_info(raw, nullptr);
    if (rc < 0)
        return core::Error { "its streams cannot be read (" + av_error_text(rc) + ")" };
    return input;
}

} // namespace kiosk::platform
