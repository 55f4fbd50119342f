/* bare_window.c: the baseline for make bench: an SDL window of the same
 * size presenting empty frames at a given rate, doing nothing else. The
 * running session's CPU use is compared with this, side by side.
 * Usage: bare_window FPS SECONDS */
#include <SDL.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int fps = argc > 1 ? atoi(argv[1]) : 30;
    int seconds = argc > 2 ? atoi(argv[2]) : 10;
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return 1;
    SDL_Window *w = SDL_CreateWindow("bare", 0, 0, 1280, 800, 0);
    SDL_Renderer *r = SDL_CreateRenderer(w, -1, 0);
    Uint32 end = SDL_GetTicks() + (Uint32)seconds * 1000;
    while (SDL_GetTicks() < end) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            ;
        SDL_SetRenderDrawColor(r, 18, 22, 28, 255);
        SDL_RenderClear(r);
        SDL_RenderPresent(r);
        SDL_Delay((Uint32)(1000 / fps));
    }
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
