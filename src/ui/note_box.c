/* note_box.c: the note box of the after screen (see note_box.h): the
 * note is typed into core/rating's struct rating_note (characters
 * counted, controls refused), shown wrapped with a caret, and saved as
 * the session's HISTORY_ENTRY_NOTE. */
#include "note_box.h"

#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "layout_log.h"

static void note_box_close(struct app *a)
{
    a->note_open = false;
    SDL_StopTextInput();
}

void note_box_open(struct app *a)
{
    char why[96];
    rating_note_clear(&a->note);
    if (a->row.note[0] && !rating_note_add(&a->note, a->row.note, why, 96))
        rating_note_clear(&a->note); /* cannot happen: it was typed here */
    a->note_problem[0] = '\0';
    a->note_open = true;
    SDL_StartTextInput();
    /* The N that opened the box also came as text: it is not the note. */
    SDL_FlushEvent(SDL_TEXTINPUT);
}

/* Keeps the note with the session's row; an empty one is not kept. */
static void save(struct app *a)
{
    note_box_close(a);
    if (!rating_note_worth_saving(&a->note)) {
        if (a->note_saved || a->row.note[0])
            snprintf(a->note_problem, sizeof(a->note_problem),
                     "An empty note is not kept; the one saved stays.");
        return;
    }
    snprintf(a->row.note, sizeof(a->row.note), "%s", a->note.text);
    a->note_saved = rating_append(a, HISTORY_ENTRY_NOTE);
}

bool note_box_key(struct app *a, const SDL_KeyboardEvent *k)
{
    if (!a->note_open || a->screen != SCR_AFTER)
        return false;
    char why[96];
    switch (k->keysym.sym) {
    case SDLK_ESCAPE:
        if (!k->repeat)
            note_box_close(a);
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (k->keysym.mod & KMOD_SHIFT) {
            if (!rating_note_add(&a->note, "\n", why, sizeof(why)))
                snprintf(a->note_problem, sizeof(a->note_problem),
                         "Not added: %s.", why);
        } else if (!k->repeat) {
            save(a);
        }
        break;
    case SDLK_BACKSPACE:
        rating_note_backspace(&a->note);
        a->note_problem[0] = '\0';
        break;
    default:
        break;
    }
    return true;
}

bool note_box_command(struct app *a, int cmd)
{
    if (!a->note_open)
        return false;
    if (cmd == UI_ENTER)
        save(a);
    else if (cmd == UI_STOP)
        note_box_close(a);
    return true;
}

bool note_box_text(struct app *a, const char *text)
{
    if (!a->note_open || a->screen != SCR_AFTER)
        return false;
    char why[96];
    if (rating_note_add(&a->note, text, why, sizeof(why)))
        a->note_problem[0] = '\0';
    else
        snprintf(a->note_problem, sizeof(a->note_problem), "Not added: %s.",
                 why);
    return true;
}

/* The end of the note that fits in a box w wide and h tall, with its
 * caret (a thin bar), into out: the whole note when it fits, else "…"
 * and as much of its end as fits, so the caret stays in sight. */
static void visible_tail(struct app *a, int w, int h, char *out, size_t n)
{
    static const char caret[] = "\xe2\x96\x8f", more[] = "\xe2\x80\xa6";
    const char *text = a->note.text;
    snprintf(out, n, "%s%s", text, caret);
    if (text_height(a->text, TEXT_BODY, w, out) <= h)
        return;
    /* Where each character starts; the search is over characters, so a
     * start is never inside one. */
    size_t starts[RATING_NOTE_CHARS + 1], count = 0;
    for (size_t i = 0; i <= a->note.len && count <= RATING_NOTE_CHARS; i++)
        if (i == a->note.len || ((unsigned char)text[i] & 0xC0) != 0x80)
            starts[count++] = i;
    size_t lo = 1, hi = count - 1; /* the first start that fits; the last
                                      (the end, only the caret) always is */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        snprintf(out, n, "%s%s%s", more, text + starts[mid], caret);
        if (text_height(a->text, TEXT_BODY, w, out) <= h)
            hi = mid;
        else
            lo = mid + 1;
    }
    snprintf(out, n, "%s%s%s", more, text + starts[hi], caret);
}

void note_box_draw(struct app *a, int y)
{
    int m = a->w / 12, w = a->w - 2 * m, edge = draw_edge_width(a->h);
    int pad = 3 * edge + a->w / 100, bottom = a->content_bottom;
    y += text_draw(a->text, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   SCREEN_WORDS_NOTE_HEADING);
    y += a->h / 80;
    char hint[200];
    snprintf(hint, sizeof(hint),
             "%zu of %d characters. Enter saves, Shift+Enter starts a new "
             "line, Esc closes without saving.",
             a->note.chars, RATING_NOTE_CHARS);
    const char *problem = a->note_problem[0] ? a->note_problem : NULL;
    int below = text_height(a->text, TEXT_SMALL, w, hint) + a->h / 80;
    if (problem)
        below += text_height(a->text, TEXT_SMALL, w, problem);
    SDL_Rect box = {m, y, w, bottom - y - below};
    int line = text_line_height(a->text, TEXT_BODY);
    if (box.h < 2 * line + 2 * pad)
        box.h = 2 * line + 2 * pad;
    draw_box(a->ren, &box, &COLOR_PANEL, edge);
    layout_log_rect("shape", &box, "panel");
    SDL_Rect in = {box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad};
    char shown[RATING_NOTE_BYTES + 16];
    visible_tail(a, in.w, in.h, shown, sizeof(shown));
    text_draw(a->text, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, in.x, in.y, in.w,
              shown);
    y = box.y + box.h + a->h / 80;
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, hint);
    if (problem)
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y, w,
                  problem);
}
