/* keys.c: the command a key press is on the screen showing: the
 * window's own keys (README's table), then the rating question's
 * (rating.c: its numbers, S, F and N on the after screen). */
#include "app_state.h"

static int window_key(const struct app *a, SDL_Keycode k)
{
    switch (k) {
    case SDLK_ESCAPE:
        return UI_STOP;
    case SDLK_SPACE:
        return a->screen == SCR_RUNNING ? UI_PAUSE : UI_ENTER;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return UI_ENTER;
    case SDLK_y:
        return UI_YES;
    case SDLK_n:
        return UI_NO;
    case SDLK_d:
        return UI_DISCOMFORT;
    case SDLK_i:
        return UI_INFO;
    case SDLK_UP:
        return UI_UP;
    case SDLK_DOWN:
        return UI_DOWN;
    case SDLK_F11:
        return UI_FULLSCREEN;
    case SDLK_LEFT:
        return UI_LEFT;
    case SDLK_RIGHT:
        return UI_RIGHT;
    case SDLK_c:
        return UI_CHOICES;
    case SDLK_g:
        return UI_GROUNDING;
    case SDLK_h:
        return UI_HISTORY;
    case SDLK_r:
        return UI_REPEAT;
    default:
        return UI_ANY;
    }
}

int keys_command(const struct app *a, SDL_Keycode k)
{
    return rating_key_command(a, k, window_key(a, k));
}
