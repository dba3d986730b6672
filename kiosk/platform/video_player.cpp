// Putting decoded frames on screen.
#include "kiosk/platform/video_player.h"

namespace kiosk::platform {

VideoPlayers::VideoPlayers(SDL_Renderer* renderer, Opener opener, Pace pace)
    : m_renderer(renderer)
    , m_opener(std::move(opener))
    , m_pace(pace)
{
}

VideoPlayers::~VideoPlayers()
{
    clear();
}

uint64_t VideoPlayers::dropped_frames() const
{
    uint64_t dropped = m_dropped_stopped;
    for (auto& p : m_players)
        dropped += p->decoder->dropped_frames();
    return dropped;
}

void VideoPlayers::stop(Player& p)
{
    uint64_t dropped = p.decoder->dropped_frames();
    m_dropped_stopped += dropped;
    if (p.decoder->state() != VideoDecoder::State::Failed)
        SDL_LogInfo(SDL_LOG_CATEGORY_APPLICATION,
            "video %s: stopped after %llu frames shown, %llu dropped, %llu decoded", p.id.c_str(),
            static_cast<unsigned long long>(p.shown), static_cast<unsigned long long>(dropped),
            static_cast<unsigned long long>(p.decoder->decoded_frames()));
    p.decoder.reset(); // joins its thread
    p.texture.reset();
}

void VideoPlayers::clear()
{
    for (auto& p : m_players)
        stop(*p);
    m_players.clear();
}

void VideoPlayers::end_frame()
{
    std::erase_if(m_players, [&](std::unique_ptr<Player>& p) {
        bool unused = !p->used;
        if (unused)
            stop(*p);
        p->used = false;
        return unused;
    });
}

bool VideoPlayers::upload(Player& p, const AVFrame& frame)
{
    if (!p.texture || p.width != frame.width || p.height != frame.height) {
        p.texture.reset(SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_IYUV,
            SDL_TEXTUREACCESS_STREAMING, frame.width, frame.height));
        if (!p.texture) {
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "video %s: no %dx%d texture: %s",
                p.id.c_str(), frame.width, frame.height, SDL_GetError());
            return false;
        }
        p.width = frame.width;
        p.height = frame.height;
    }
    return SDL_UpdateYUVTexture(p.texture.get(), nullptr, frame.data[0], frame.linesize[0],
               frame.data[1], frame.linesize[1], frame.data[2], frame.linesize[2])
        == 0;
}

VideoPlayers::Shown VideoPlayers::show(
    const std::string& id, bool loop, core::TimeMs play_ms, core::Size box)
{
    std::string key = id + (loop ? "\n1" : "\n0");
    Player* p = nullptr;
    for (auto& candidate : m_players) {
        if (candidate->key == key)
            p = candidate.get();
    }
    if (!p) {
        auto player = std::make_unique<Player>();
        player->key = key;
        player->id = id;
        VideoDecoder::Options options;
        options.loop = loop;
        options.box = box;
        player->decoder = std::make_unique<VideoDecoder>(id, m_opener(id), options);
        m_players.push_back(std::move(player));
        p = m_players.back().get();
    }
    p->used = true;
    auto state = p->decoder->state();
    if (state == VideoDecoder::State::Failed) {
        if (!p->failure_logged)
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION,
                "video %s cannot be played: %s; showing its poster", id.c_str(),
                p->decoder->error().c_str());
        p->failure_logged = true;
        return { nullptr, 0, 0, true };
    }
    p->decoder->set_box(box);
    bool wait = m_pace == Pace::WaitForFrames;
    // Before the first frame, ask for the first frame (time 0): the poster stays until it comes.
    core::TimeMs want = p->origin_ms ? play_ms - *p->origin_ms : (wait ? play_ms : 0);
    auto frame = p->decoder->take_due(want, wait);
    // Damaged further on: from then on the poster, as for a video that never played.
    if (p->decoder->state() == VideoDecoder::State::Failed)
        return show(id, loop, play_ms, box);
    if (frame.frame) {
        if (!p->origin_ms)
            p->origin_ms = wait ? 0 : play_ms - frame.play_ms;
        if (upload(*p, *frame.frame)) {
            ++p->shown;
            ++m_shown_total;
        }
        if (!p->reported) {
            SDL_LogInfo(SDL_LOG_CATEGORY_APPLICATION, "video %s: %dx%d, decoder %s", id.c_str(),
                frame.frame->width, frame.frame->height, p->decoder->decoder_name().c_str());
            p->reported = true;
        }
    }
    if (!p->texture || p->shown == 0)
        return {};
    return { p->texture.get(), p->width, p->height, false };
}

} // namespace kiosk::platform
