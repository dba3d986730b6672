// SDL library lifetime.
#include "kiosk/platform/sdl_handles.h"

namespace kiosk::platform {

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
