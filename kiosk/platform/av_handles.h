// RAII owners for FFmpeg handles: one deleter and alias per handle type, and an AVIOContext that
// reads a core::ByteSource (a blob in the database, a buffer) so the demuxer never sees a file.
#pragma once

#include "kiosk/core/byte_source.h"
#include "kiosk/core/result.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/hwcontext.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace kiosk::platform {

struct AvFormatCloser {
    void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};
struct AvCodecFreer {
    void operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
};
struct AvFrameFreer {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct AvPacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct AvBufferUnref {
    void operator()(AVBufferRef* buffer) const { av_buffer_unref(&buffer); }
};
struct SwsFreer {
    void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};
// The AVIOContext's buffer may have been replaced by FFmpeg; free the one it holds now.
struct AvioFreer {
    void operator()(AVIOContext* ctx) const
    {
        if (ctx)
            av_freep(&ctx->buffer);
        avio_context_free(&ctx);
    }
};
using AvFormatPtr = std::unique_ptr<AVFormatContext, AvFormatCloser>;
using AvCodecPtr = std::unique_ptr<AVCodecContext, AvCodecFreer>;
using AvFramePtr = std::unique_ptr<AVFrame, AvFrameFreer>;
using AvPacketPtr = std::unique_ptr<AVPacket, AvPacketFreer>;
using AvBufferPtr = std::unique_ptr<AVBufferRef, AvBufferUnref>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;
using AvioPtr = std::unique_ptr<AVIOContext, AvioFreer>;

// FFmpeg's message for an error code.
std::string av_error_text(int code);

// A demuxer over a ByteSource: the source, the AVIOContext reading it (read and seek callbacks,
// no write) and the opened format context. Members are declared so the format context closes
// first, then the AVIO, then the source.
class MediaInput {
public:
    // Opens and probes (avformat_open_input + avformat_find_stream_info); an error when FFmpeg
    // recognises no container in the bytes.
    static core::Result<std::unique_ptr<MediaInput>> open(std::unique_ptr<core::ByteSource> source);
    MediaInput(const MediaInput&) = delete;
    MediaInput& operator=(const MediaInput&) = delete;
    ~MediaInput() = default;

    AVFormatContext* format() const { return m_format.get(); }
    core::ByteSource& source() const { return *m_source; }
    // The offset the AVIO callbacks will read next (for tests of seek and read).
    uint64_t position() const { return m_position; }

private:
    MediaInput() = default;
    static int read_packet(void* opaque, uint8_t* buffer, int size);
    static int64_t seek(void* opaque, int64_t offset, int whence);

    std::unique_ptr<core::ByteSource> m_source;
    uint64_t m_position { 0 };
    AvioPtr m_avio;
    AvFormatPtr m_format;
};

} // namespace kiosk::platform
