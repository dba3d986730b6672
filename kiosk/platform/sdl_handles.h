// RAII owners for SDL handles: one deleter and one unique_ptr alias per type. Declare members so
// that teardown runs textures, then renderer, then window.
#pragma once

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <memory>

namespace kiosk::platform {

struct SdlDeleter {
    void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
    void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
    void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
    void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
    void operator()(TTF_Font* p) const; // under the face lock (open_font)
    void operator()(SDL_RWops* p) const { SDL_RWclose(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;
using RWopsPtr = std::unique_ptr<SDL_RWops, SdlDeleter>;

// TTF_OpenFontIndex. Every font shares SDL_ttf's one FreeType library, whose face list is not
// safe to change from two threads: opening (here) and closing (FontPtr) are serialised, so a
// FontSet may lay text out on a worker thread beside the one that draws. Measuring and drawing
// with a font stay on the thread of its FontSet.
FontPtr open_font(const char* path, int size_px, long face_index);

// SDL_Init / TTF_Init / IMG_Init for the lifetime of the object.
class SdlLibrary {
public:
    SdlLibrary() = default;
    SdlLibrary(const SdlLibrary&) = delete;
    SdlLibrary& operator=(const SdlLibrary&) = delete;
    ~SdlLibrary();
    // flags as for SDL_Init; returns false and leaves SDL_GetError() set on failure.
    bool init(Uint32 sdl_flags);

private:
    bool m_sdl { false };
    bool m_ttf { false };
};

} // namespace kiosk::platform
