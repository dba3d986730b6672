// SDL library lifetime; fonts opened and closed one at a time.
#include "kiosk/platform/sdl_handles.h"

#include <mutex>

namespace kiosk::platform {

namespace {

std::mutex g_face_mutex;

} // namespace

void SdlDeleter::operator()(TTF_Font* p) const
{
    std::lock_guard lock(g_face_mutex);
    TTF_CloseFont(p);
}

FontPtr open_font(const char* path, int size_px, long face_index)
{
    std::lock_guard lock(g_face_mutex);
    return FontPtr(TTF_OpenFontIndex(path, size_px, face_index));
}

bool SdlLibrary::init(Uint32 sdl_flags)
{
    if (SDL_Init(sdl_flags) != 0)
        return false;
    m_sdl = true;
    if (TTF_Init() != 0)
        return false;
    m_ttf = true;
    return true;
}

SdlLibrary::~SdlLibrary()
{
    if (m_ttf)
        TTF_Quit();
    if (m_sdl)
        SDL_Quit();
}

} // namespace kiosk::platform
