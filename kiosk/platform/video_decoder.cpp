// Demux, decode (hardware or software), convert and scale to YUV 4:2:0 on the decoder's thread.
#include "kiosk/platform/video_decoder.h"

#include "kiosk/core/content_limits.h"
#include "kiosk/core/video_timing.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <algorithm>
#include <chrono>
#include <vector>

namespace kiosk::platform {

namespace {

// More packets than this refused in a row before any frame: the stream is not a video.
constexpr int MAX_BAD_PACKETS = 64;

enum AVPixelFormat pick_vaapi(AVCodecContext*, const enum AVPixelFormat* formats)
{
    for (auto* f = formats; *f != AV_PIX_FMT_NONE; ++f) {
        if (*f == AV_PIX_FMT_VAAPI)
            return *f;
    }
    return formats[0];
}

bool supports_vaapi(const AVCodec* codec)
{
    for (int i = 0;; ++i) {
        const AVCodecHWConfig* config = avcodec_get_hw_config(codec, i);
        if (!config)
            return false;
        if ((config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX)
            && config->device_type == AV_HWDEVICE_TYPE_VAAPI)
            return true;
    }
}

// The size a w x h frame is shown at inside `box` (kept whole when the box is 0x0 or larger),
// even on both sides for 4:2:0.
core::Size fitted(int w, int h, core::Size box)
{
    if (box.width <= 0 || box.height <= 0 || (w <= box.width && h <= box.height))
        return { w & ~1, h & ~1 };
    double scale
        = std::min(static_cast<double>(box.width) / w, static_cast<double>(box.height) / h);
    int fw = std::max(2, static_cast<int>(w * scale) & ~1);
    int fh = std::max(2, static_cast<int>(h * scale) & ~1);
    return { fw, fh };
}

} // namespace

VideoDecoder::VideoDecoder(std::string name, SourceOpener opener, Options options)
    : m_name(std::move(name))
    , m_opener(std::move(opener))
    , m_options(options)
    , m_box(options.box)
{
    m_thread = std::thread([this] { run(); });
}

VideoDecoder::~VideoDecoder()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::string VideoDecoder::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

std::string VideoDecoder::decoder_name() const
{
    std::lock_guard lock(m_mutex);
    return m_decoder_name;
}

void VideoDecoder::set_box(core::Size box)
{
    std::lock_guard lock(m_mutex);
    m_box = box;
}

void VideoDecoder::fail(std::string message)
{
    {
        std::lock_guard lock(m_mutex);
        m_error = std::move(message);
        m_state = State::Failed;
    }
    m_changed.notify_all();
}

void VideoDecoder::run()
{
    // FFmpeg's own messages (a missing V4L2 device, a damaged packet) are not the kiosk's log:
    // what matters is said once, by the player.
    av_log_set_level(AV_LOG_QUIET);
    auto status = decode_all();
    if (!status && !stopping())
        fail(status.error());
    else if (m_state != State::Failed) {
        std::lock_guard lock(m_mutex);
        if (m_state != State::Failed)
            m_state = State::Ended;
    }
    m_changed.notify_all();
    // The decoder's handles go on the thread that used them.
    m_sws.reset();
    m_codec.reset();
    m_hw_device.reset();
}

core::Status VideoDecoder::open_decoder(AVFormatContext* format, int stream)
{
    auto* par = format->streams[stream]->codecpar;
    std::string tried;
    if (m_options.try_hardware) {
        const AVCodec* codec = avcodec_find_decoder(par->codec_id);
        AVBufferRef* device = nullptr;
        int rc = codec && supports_vaapi(codec)
            ? av_hwdevice_ctx_create(&device, AV_HWDEVICE_TYPE_VAAPI, nullptr, nullptr, 0)
            : AVERROR(ENOSYS);
        m_hw_device.reset(device);
        if (rc >= 0) {
            AvCodecPtr ctx(avcodec_alloc_context3(codec));
            if (ctx && avcodec_parameters_to_context(ctx.get(), par) >= 0) {
                ctx->hw_device_ctx = av_buffer_ref(m_hw_device.get());
                ctx->get_format = pick_vaapi;
                if (avcodec_open2(ctx.get(), codec, nullptr) >= 0) {
                    m_codec = std::move(ctx);
                    std::lock_guard lock(m_mutex);
                    m_decoder_name = std::string(codec->name) + " (VA-API)";
                    return core::ok_status();
                }
            }
            tried += "VA-API: the device refused it; ";
        } else {
            tried += "VA-API: "
                + std::string(rc == AVERROR(ENOSYS) ? "not for this codec" : "no device") + "; ";
        }
        m_hw_device.reset();
        const char* m2m_name = par->codec_id == AV_CODEC_ID_H264 ? "h264_v4l2m2m" : "vp9_v4l2m2m";
        if (const AVCodec* m2m = avcodec_find_decoder_by_name(m2m_name)) {
            AvCodecPtr ctx(avcodec_alloc_context3(m2m));
            if (ctx && avcodec_parameters_to_context(ctx.get(), par) >= 0
                && avcodec_open2(ctx.get(), m2m, nullptr) >= 0) {
                m_codec = std::move(ctx);
                std::lock_guard lock(m_mutex);
                m_decoder_name = std::string(m2m_name) + " (V4L2 M2M)";
                return core::ok_status();
            }
            tried += "V4L2 M2M: no device";
        } else {
            tried += "V4L2 M2M: not in this FFmpeg";
        }
    }
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    AvCodecPtr ctx(codec ? avcodec_alloc_context3(codec) : nullptr);
    if (!ctx || avcodec_parameters_to_context(ctx.get(), par) < 0)
        return core::Error { "no decoder for " + std::string(avcodec_get_name(par->codec_id)) };
    ctx->thread_count = 0; // one per core
    ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    int rc = avcodec_open2(ctx.get(), codec, nullptr);
    if (rc < 0)
        return core::Error { "the decoder cannot be opened (" + av_error_text(rc) + ")" };
    m_codec = std::move(ctx);
    std::lock_guard lock(m_mutex);
    m_decoder_name = std::string(codec->name) + " (software"
        + (tried.empty() ? std::string() : "; " + tried) + ")";
    return core::ok_status();
}

core::Status VideoDecoder::decode_all()
{
    auto source = m_opener();
    if (!source)
        return core::Error { source.error() };
    auto input = MediaInput::open(source.release_value());
    if (!input)
        return core::Error { input.error() };
    AVFormatContext* format = input.value()->format();
    int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream < 0)
        return core::Error { "no video stream" };
    auto* st = format->streams[stream];
    auto* par = st->codecpar;
    // The file is hostile until decoded: only what the compiler would have let in.
    if (par->codec_id != AV_CODEC_ID_H264 && par->codec_id != AV_CODEC_ID_VP9)
        return core::Error { "codec " + std::string(avcodec_get_name(par->codec_id))
            + " (H.264 or VP9 only)" };
    int long_side = std::max(par->width, par->height),
        short_side = std::min(par->width, par->height);
    if (par->width < 1 || par->height < 1 || long_side > core::MAX_VIDEO_LONG_SIDE_PX
        || short_side > core::MAX_VIDEO_SHORT_SIDE_PX)
        return core::Error { "size " + std::to_string(par->width) + "x"
            + std::to_string(par->height) + " over 3840x2160" };
    // Only the video stream is read: no audio decoder is ever opened (the kiosk is muted).
    for (unsigned i = 0; i < format->nb_streams; ++i)
        format->streams[i]->discard
            = static_cast<int>(i) == stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    auto opened = open_decoder(format, stream);
    if (!opened)
        return opened;
    AvPacketPtr packet(av_packet_alloc());
    AvFramePtr frame(av_frame_alloc());
    if (!packet || !frame)
        return core::Error { "out of memory" };
    uint64_t pass_frames = 0;
    int bad_packets = 0;
    auto drain = [&]() -> core::Status {
        while (!stopping()) {
            int rc = avcodec_receive_frame(m_codec.get(), frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return core::ok_status();
            if (rc < 0)
                return core::ok_status(); // a broken frame is skipped
            auto status = emit(frame.get(), st);
            av_frame_unref(frame.get());
            if (!status)
                return status;
            ++pass_frames;
        }
        return core::ok_status();
    };
    while (!stopping()) {
        int rc = av_read_frame(format, packet.get());
        if (rc < 0 && rc != AVERROR_EOF)
            return core::Error { "the file cannot be read after " + std::to_string(m_decoded.load())
                + " frames (" + av_error_text(rc) + ")" };
        if (rc >= 0 && (packet->flags & AV_PKT_FLAG_CORRUPT))
            return core::Error { "the file is damaged or cut short after "
                + std::to_string(m_decoded.load()) + " frames" };
        if (rc < 0) {
            // The end: flush, then loop.
            avcodec_send_packet(m_codec.get(), nullptr);
            auto status = drain();
            if (!status)
                return status;
            if (pass_frames == 0)
                return core::Error { "no frame decodes (" + av_error_text(rc) + ")" };
            if (!m_options.loop || stopping())
                return core::ok_status();
            if (av_seek_frame(format, stream, st->start_time != AV_NOPTS_VALUE ? st->start_time : 0,
                    AVSEEK_FLAG_BACKWARD)
                < 0)
                return core::Error { "it cannot be rewound to loop" };
            avcodec_flush_buffers(m_codec.get());
            m_loop_offset_ms += std::max<core::TimeMs>(m_pass_end_ms, 1);
            m_pass_end_ms = 0;
            pass_frames = 0;
            continue;
        }
        if (packet->stream_index != stream) {
            av_packet_unref(packet.get());
            continue;
        }
        rc = avcodec_send_packet(m_codec.get(), packet.get());
        av_packet_unref(packet.get());
        if (rc < 0 && rc != AVERROR(EAGAIN)) {
            if (++bad_packets > MAX_BAD_PACKETS && m_decoded == 0)
                return core::Error { "the stream does not decode (" + av_error_text(rc) + ")" };
            continue;
        }
        auto status = drain();
        if (!status)
            return status;
    }
    return core::ok_status();
}

core::Status VideoDecoder::emit(AVFrame* decoded, AVStream* stream)
{
    AVFrame* source = decoded;
    AvFramePtr transferred;
    if (decoded->format == AV_PIX_FMT_VAAPI) {
        transferred.reset(av_frame_alloc());
        if (!transferred || av_hwframe_transfer_data(transferred.get(), decoded, 0) < 0)
            return core::Error { "a VA-API frame cannot be read back" };
        transferred->pts = decoded->pts;
        transferred->best_effort_timestamp = decoded->best_effort_timestamp;
        source = transferred.get();
    }
    int long_side = std::max(source->width, source->height);
    int short_side = std::min(source->width, source->height);
    if (source->width < 2 || source->height < 2 || long_side > core::MAX_VIDEO_LONG_SIDE_PX
        || short_side > core::MAX_VIDEO_SHORT_SIDE_PX)
        return core::Error { "a frame of " + std::to_string(source->width) + "x"
            + std::to_string(source->height) };
    // Its play time: the stream time from the first frame, after the loops before.
    int64_t pts = decoded->best_effort_timestamp;
    int64_t start = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
    double fps
        = av_q2d(stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate);
    core::TimeMs frame_ms = fps >= 1 && fps <= 240 ? static_cast<core::TimeMs>(1000.0 / fps) : 33;
    core::TimeMs at = pts != AV_NOPTS_VALUE
        ? av_rescale_q(pts - start, stream->time_base, { 1, 1000 })
        : m_pass_end_ms;
    at = std::max<core::TimeMs>(at, 0);
    m_pass_end_ms = std::max(m_pass_end_ms, at + frame_ms);
    core::TimeMs play_ms = std::max(m_loop_offset_ms + at, m_last_play_ms + 1);
    m_last_play_ms = play_ms;

    core::Size box;
    {
        std::lock_guard lock(m_mutex);
        box = m_box;
    }
    auto out_size = fitted(source->width, source->height, box);
    auto format = static_cast<AVPixelFormat>(source->format);
    bool direct = (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P)
        && out_size.width == source->width && out_size.height == source->height;
    AvFramePtr out(av_frame_alloc());
    if (!out)
        return core::Error { "out of memory" };
    if (direct) {
        if (av_frame_ref(out.get(), source) < 0)
            return core::Error { "out of memory" };
    } else {
        m_sws.reset(sws_getCachedContext(m_sws.release(), source->width, source->height, format,
            out_size.width, out_size.height, AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr,
            nullptr));
        if (!m_sws)
            return core::Error { "pixel format "
                + std::string(av_get_pix_fmt_name(format) ? av_get_pix_fmt_name(format) : "?")
                + " cannot be converted" };
        out->format = AV_PIX_FMT_YUV420P;
        out->width = out_size.width;
        out->height = out_size.height;
        if (av_frame_get_buffer(out.get(), 0) < 0)
            return core::Error { "out of memory" };
        sws_scale(m_sws.get(), source->data, source->linesize, 0, source->height, out->data,
            out->linesize);
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stop || m_queue.size() < m_options.queue_frames; });
    if (m_stop)
        return core::ok_status();
    m_queue.push_back({ std::move(out), play_ms });
    ++m_decoded;
    if (m_state == State::Starting)
        m_state = State::Playing;
    lock.unlock();
    m_changed.notify_all();
    return core::ok_status();
}

VideoDecoder::Frame VideoDecoder::take_due(core::TimeMs play_ms, bool wait, int timeout_ms)
{
    Frame best;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::unique_lock lock(m_mutex);
    for (;;) {
        std::vector<core::TimeMs> times;
        for (auto& f : m_queue)
            times.push_back(f.play_ms);
        auto pick = core::pick_frame(times, play_ms);
        if (pick.consume > 0) {
            m_dropped += pick.dropped + (best.frame ? 1 : 0);
            best = std::move(m_queue[pick.consume - 1]);
            m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<long>(pick.consume));
            m_changed.notify_all();
        }
        State state = m_state;
        if (!wait || !m_queue.empty() || state == State::Ended || state == State::Failed)
            break;
        if (m_changed.wait_until(lock, deadline) == std::cv_status::timeout)
            break;
    }
    return best;
}

} // namespace kiosk::platform
