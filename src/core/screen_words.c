/* screen_words.c: the words of each screen, read aloud (screen_words.h).
 * Written for the ear: the keys are named as words ("Escape", not "Esc"),
 * lists are said item by item, and the answer keys follow what they
 * answer. */
#include "screen_words.h"

#include <stdio.h>
#include <string.h>

#include "voice_text.h"

const char SCREEN_WORDS_YES_NO[] = "Press Y for yes, or N for no.";
const char SCREEN_WORDS_RATING_QUESTION[] =
    "How tense or upset do you feel right now?";
const char SCREEN_WORDS_RATING_HINT[] =
    "Type a number or move with the arrow keys; Enter records it, S skips.";
const char *const SCREEN_WORDS_PAUSE[4] = {
    "It is fine not to go on today.",
    "You could do the short grounding exercise first, to come back to the "
    "room: press G.",
    "If you go on, Esc stops the session at any time, and D stops it at "
    "once for discomfort.",
    "Press Enter to go on, or Esc to leave.",
};
const char SCREEN_WORDS_CONTINUE[] = "Press Enter to continue.";
const char SCREEN_WORDS_CHECK_HEADING[] = "Before you begin, check that:";
const char *const SCREEN_WORDS_BEGIN[2] = {
    "Press Enter to begin. For volumes, gentle mode and more, press C first.",
    "Press Enter to begin. To leave out parts of the body, keep your eyes "
    "open or go gently, press C first.",
};
const char SCREEN_WORDS_BLOCKED[] = "Please do not start this session now.";
const char SCREEN_WORDS_DOCTOR_HEADING[] =
    "See a doctor if you notice any of these:";
const char SCREEN_WORDS_GROUNDING_OFFER[] =
    "A short grounding exercise can help you come back to the room: press G.";
const char SCREEN_WORDS_CARE_HEADING[] = "For now:";
const char SCREEN_WORDS_NOTE_HEADING[] = "Your note, kept with this session:";
const char SCREEN_WORDS_STOP_HEADING[] =
    "Stop at once (Esc, or D) if you notice:";
const char SCREEN_WORDS_FLOOR_KEYS[] =
    "Space pauses. D stops at once for discomfort. I shows the signs to stop.";

const char *const SCREEN_WORDS_OFFER[3] = {
    "Your desktop has a screen reader turned on.",
    "Should stillpoint read its screens aloud, the safety questions too?",
    "You can change this later among your choices: press C on the menu.",
};

void screen_words_clear(struct screen_words *w)
{
    w->count = 0;
    w->used = 0;
}

static void add(struct screen_words *w, const char *text, bool stock)
{
    if (text && *text && w->count < SCREEN_WORDS_MAX)
        w->lines[w->count++] = (struct screen_line){text, stock};
}

/* A line composed here, kept in w's own buffer (cut off, never split
 * inside a character, when the buffer is full). */
static void add_composed(struct screen_words *w, bool stock, const char *fmt,
                         const char *a, const char *b)
{
    size_t room = sizeof(w->buf) - w->used;
    if (room < 2)
        return;
    char *at = w->buf + w->used;
    int n = snprintf(at, room, fmt, a, b);
    if (n < 0)
        return;
    size_t len = (size_t)n < room ? (size_t)n : room - 1;
    while (len > 0 && ((unsigned char)at[len] & 0xC0) == 0x80)
        len--; /* the cut fell inside a character */
    at[len] = '\0';
    w->used += len + 1;
    add(w, at, stock);
}

static void add_list(struct screen_words *w, const struct text_list *l,
                     bool stock)
{
    for (size_t i = 0; i < l->count; i++)
        add(w, l->items[i], stock);
}

const char *screen_words_status(enum screen_status st)
{
    switch (st) {
    case SCREEN_STATUS_CHECKIN:
        return "Still comfortable? Press any key.";
    case SCREEN_STATUS_PAUSED:
        return "Paused. Press Space to go on.";
    case SCREEN_STATUS_MISSED:
        return "No answer to the check-in, so the session is paused. "
               "Press Space to go on.";
    default:
        return NULL;
    }
}

void screen_words_menu(struct screen_words *w, const struct session *s)
{
    screen_words_clear(w);
    add(w, s->title, s->builtin);
}

void screen_words_before(struct screen_words *w, const struct safety_flow *f,
                         bool scans)
{
    screen_words_clear(w);
    const struct safety_profile *p = f->profile;
    switch (f->screen) {
    case FLOW_FLOOR:
        add(w, SESSION_FLOOR_NOTICE, true);
        add(w, SCREEN_WORDS_FLOOR_KEYS, true);
        add(w, SCREEN_WORDS_CONTINUE, true);
        break;
    case FLOW_CONTRAINDICATION:
    case FLOW_CLEARANCE:
        add(w, safety_flow_text(f), p->builtin);
        add(w, SCREEN_WORDS_YES_NO, true);
        break;
    case FLOW_PREPARATION:
        add(w, SCREEN_WORDS_CHECK_HEADING, true);
        add_list(w, &p->preparation, p->builtin);
        add(w, SCREEN_WORDS_BEGIN[scans], true);
        break;
    default:
        break;
    }
}

void screen_words_blocked(struct screen_words *w, const struct safety_flow *f)
{
    screen_words_clear(w);
    const struct safety_profile *p = f->profile;
    add(w, SCREEN_WORDS_BLOCKED, true);
    if (f->blocked_by) {
        bool contra = false;
        for (size_t i = 0; i < p->contraindications.count; i++)
            contra |= p->contraindications.items[i] == f->blocked_by;
        add(w,
            contra ? "You answered yes to this question:"
                   : "You answered no to this question:",
            true);
        add(w, f->blocked_by, p->builtin);
    }
    add_composed(w, p->builtin || !p->ask,
                 "Please ask %s before doing this session.%s",
                 p->ask ? p->ask : "your doctor", "");
    add(w, "Press Escape to go back.", true);
}

void screen_words_running(struct screen_words *w,
                          const struct safety_profile *p,
                          enum screen_status status)
{
    screen_words_clear(w);
    add(w, screen_words_status(status), true);
    if (p->stop_signs.count > 0) {
        add(w, SCREEN_WORDS_STOP_HEADING, true);
        add_list(w, &p->stop_signs, p->builtin);
    }
}

void screen_words_offer(struct screen_words *w)
{
    screen_words_clear(w);
    add(w, SCREEN_WORDS_OFFER[0], true);
    add(w, SCREEN_WORDS_OFFER[1], true);
    add(w, SCREEN_WORDS_YES_NO, true);
    add(w, SCREEN_WORDS_OFFER[2], true);
}

void screen_words_choice(struct screen_words *w, const char *name,
                         const char *value)
{
    screen_words_clear(w);
    add_composed(w, false, "%s: %s", name, value);
}

const char *screen_words_outcome(enum history_outcome o)
{
    switch (o) {
    case HISTORY_COMPLETED:
        return "Session complete.";
    case HISTORY_STOPPED:
        return "Session stopped.";
    case HISTORY_DISCOMFORT:
        return "Stopped for discomfort.";
    case HISTORY_BLOCKED:
        return "Not started.";
    default:
        return "Interrupted.";
    }
}

void screen_words_rating(struct screen_words *w, int value)
{
    screen_words_clear(w);
    if (value >= 0 && value <= HISTORY_RATING_MAX) {
        char n[8];
        snprintf(n, sizeof(n), "%d", value);
        add_composed(w, true, "Chosen: %s%s", n, "");
        return;
    }
    add(w, SCREEN_WORDS_RATING_QUESTION, true);
    add(w, "Zero is calm, and ten the most you can imagine.", true);
    add(w, SCREEN_WORDS_RATING_HINT, true);
}

void screen_words_rating_pause(struct screen_words *w, bool grounding)
{
    screen_words_clear(w);
    for (int i = 0; i < 4; i++)
        if (i != 1 || grounding)
            add(w, SCREEN_WORDS_PAUSE[i], true);
}

void screen_words_note(struct screen_words *w)
{
    screen_words_clear(w);
    add(w, SCREEN_WORDS_NOTE_HEADING, true);
    add(w,
        "Type it. Enter saves, Shift and Enter starts a new line, Escape "
        "closes without saving.",
        true);
}

void screen_words_after(struct screen_words *w, const struct safety_profile *p,
                        enum history_outcome o,
                        const struct screen_after_offers *offers)
{
    bool grounding_offer = offers->grounding;
    screen_words_clear(w);
    add(w, screen_words_outcome(o), true);
    if (p->doctor_signs.count > 0) {
        add(w, SCREEN_WORDS_DOCTOR_HEADING, true);
        add_list(w, &p->doctor_signs, p->builtin);
    }
    if (grounding_offer)
        add(w, SCREEN_WORDS_GROUNDING_OFFER, true);
    if (p->aftercare.count > 0) {
        add(w, SCREEN_WORDS_CARE_HEADING, true);
        add_list(w, &p->aftercare, p->builtin);
    }
    if (offers->rating)
        add(w, "Press F to say how you feel.", true);
    if (offers->note)
        add(w, "Press N to write a note with this session.", true);
    add(w, "Press Escape when you are ready to leave.", true);
}

uint64_t screen_words_key(const struct screen_words *w)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < w->count; i++) {
        h ^= voice_text_hash(w->lines[i].text);
        h *= 1099511628211ull;
    }
    return h;
}
