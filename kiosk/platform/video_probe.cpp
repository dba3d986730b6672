// Probing a video with libavformat/libavcodec.
#include "kiosk/platform/video_probe.h"

#include "kiosk/core/content_limits.h"
#include "kiosk/platform/av_handles.h"

#include <cmath>

namespace kiosk::platform {

namespace {

std::string lower_extension(std::string_view name)
{
    auto dot = name.rfind('.');
    std::string ext(dot == std::string_view::npos ? std::string_view {} : name.substr(dot + 1));
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Decodes packets of `stream` until one frame comes out; an error when none does.
core::Status decode_first_frame(AVFormatContext* format, int stream, const AVCodec* codec)
{
    AvCodecPtr ctx(avcodec_alloc_context3(codec));
    AvPacketPtr packet(av_packet_alloc());
    AvFramePtr frame(av_frame_alloc());
    if (!ctx || !packet || !frame)
        return core::Error { "out of memory" };
    if (avcodec_parameters_to_context(ctx.get(), format->streams[stream]->codecpar) < 0
        || avcodec_open2(ctx.get(), codec, nullptr) < 0)
        return core::Error { "the decoder cannot be opened for it" };
    while (av_read_frame(format, packet.get()) >= 0) {
        bool ours = packet->stream_index == stream;
        int sent = ours ? avcodec_send_packet(ctx.get(), packet.get()) : 0;
        av_packet_unref(packet.get());
        if (sent < 0 && sent != AVERROR(EAGAIN))
            return core::Error { "its first frame cannot be decoded (" + av_error_text(sent)
                + ")" };
        if (ours && avcodec_receive_frame(ctx.get(), frame.get()) == 0)
            return core::ok_status();
    }
    avcodec_send_packet(ctx.get(), nullptr);
    if (avcodec_receive_frame(ctx.get(), frame.get()) == 0)
        return core::ok_status();
    return core::Error { "no frame of it can be decoded" };
}

} // namespace

core::Result<core::VideoInfo> probe_video(std::string_view name, std::span<const uint8_t> bytes)
{
    using core::Error;
    if (bytes.size() > core::MAX_VIDEO_BYTES)
        return Error { "the file is " + std::to_string(bytes.size()) + " bytes, at most "
            + std::to_string(core::MAX_VIDEO_BYTES) + " (256 MiB)" };
    auto ext = lower_extension(name);
    if (ext != "mp4" && ext != "webm")
        return Error { "a video must be an .mp4 (H.264) or .webm (VP9) file" };
    av_log_set_level(AV_LOG_QUIET);
    auto opened = MediaInput::open(std::make_unique<core::MemorySource>(bytes));
    if (!opened)
        return Error { opened.error() };
    AVFormatContext* format = opened.value()->format();
    core::VideoInfo info;
    std::string_view demuxer = format->iformat->name;
    info.container = demuxer.starts_with("mov") ? "mp4" : "webm";
    if (info.container != ext)
        return Error { "the file is " + std::string(info.container == "mp4" ? "an MP4" : "a WebM")
            + " file but is named ." + ext };
    const AVCodec* codec = nullptr;
    int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (stream < 0)
        return Error { "it holds no video stream" };
    auto* par = format->streams[stream]->codecpar;
    if (par->codec_id != AV_CODEC_ID_H264 && par->codec_id != AV_CODEC_ID_VP9)
        return Error { "codec " + std::string(avcodec_get_name(par->codec_id))
            + " is not supported: H.264 (MP4) or VP9 (WebM) only" };
    info.codec = par->codec_id == AV_CODEC_ID_H264 ? "h264" : "vp9";
    info.width_px = par->width;
    info.height_px = par->height;
    bool landscape_fits = par->width <= core::MAX_VIDEO_LONG_SIDE_PX
        && par->height <= core::MAX_VIDEO_SHORT_SIDE_PX;
    bool upright_fits = par->width <= core::MAX_VIDEO_SHORT_SIDE_PX
        && par->height <= core::MAX_VIDEO_LONG_SIDE_PX;
    if (par->width < 1 || par->height < 1 || !(landscape_fits || upright_fits))
        return Error { std::to_string(par->width) + "x" + std::to_string(par->height)
            + " is too large: at most 3840x2160 (or 2160x3840 upright)" };
    int64_t duration_us = format->duration;
    auto* st = format->streams[stream];
    if (duration_us <= 0 && st->duration > 0)
        duration_us = av_rescale_q(st->duration, st->time_base, AV_TIME_BASE_Q);
    if (duration_us <= 0)
        return Error { "its duration is unknown" };
    if (duration_us > int64_t { core::MAX_VIDEO_DURATION_MS } * 1000)
        return Error { "it lasts " + std::to_string(duration_us / 1'000'000) + " s, at most "
            + std::to_string(core::MAX_VIDEO_DURATION_MS / 1000) + " s" };
    info.duration_ms = static_cast<int>(std::max<int64_t>(1, (duration_us + 999) / 1000));
    AVRational rate = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
    double fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 30.0;
    info.frame_rate = std::isfinite(fps) && fps >= 1 && fps <= 240 ? fps : 30.0;
    if (!codec)
        return Error { "this system has no decoder for " + info.codec };
    auto decoded = decode_first_frame(format, stream, codec);
    if (!decoded)
        return Error { decoded.error() };
    // Every packet to the end must be there (a truncated copy reads fine at the start).
    if (av_seek_frame(format, stream, 0, AVSEEK_FLAG_BACKWARD) < 0)
        return Error { "it cannot be rewound (loops would fail)" };
    AvPacketPtr packet(av_packet_alloc());
    if (!packet)
        return Error { "out of memory" };
    int64_t packets = 0;
    int64_t end_ms = 0; // where the last frame read ends
    int rc;
    while ((rc = av_read_frame(format, packet.get())) >= 0) {
        bool corrupt = packet->flags & AV_PKT_FLAG_CORRUPT;
        if (packet->stream_index == stream) {
            ++packets;
            if (packet->pts != AV_NOPTS_VALUE) {
                int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
                end_ms = std::max(end_ms,
                    av_rescale_q(packet->pts - start + std::max<int64_t>(packet->duration, 0),
                        st->time_base, { 1, 1000 }));
            }
        }
        av_packet_unref(packet.get());
        if (corrupt)
            return Error { "it is damaged or truncated (a corrupt packet after "
                + std::to_string(packets) + " frames)" };
    }
    if (rc != AVERROR_EOF)
        return Error { "it is damaged or truncated after " + std::to_string(packets) + " frames ("
            + av_error_text(rc) + ")" };
    if (st->nb_frames > 0 && packets < st->nb_frames)
        return Error { "it is truncated: " + std::to_string(packets) + " of "
            + std::to_string(st->nb_frames) + " frames are in the file" };
    // A copy cut between packets reads cleanly to its end, which is then early (WebM).
    auto frame_ms = static_cast<int64_t>(1000.0 / info.frame_rate);
    if (end_ms + std::max<int64_t>(250, 3 * frame_ms) < info.duration_ms)
        return Error { "it is truncated: its frames end at " + std::to_string(end_ms) + " ms of "
            + std::to_string(info.duration_ms) + " ms" };
    if (format->pb && format->pb->error < 0)
        return Error { "it is damaged or truncated (" + av_error_text(format->pb->error) + ")" };
    return info;
}

} // namespace kiosk::platform
