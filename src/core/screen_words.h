/* screen_words.h: what each screen says when screens are read aloud
 * (preference read_screens): its text as a list of lines, spoken one after
 * another, each with the keys that answer it. The window asks for the
 * words of the screen showing and speaks them when they change;
 * tests/tools/voice_lines asks for the words of every built-in screen, so
 * scripts/make-voice records each line stillpoint wrote. A line is
 * "stock" when stillpoint wrote it (a built-in profile's question, a fixed
 * phrase): its recording may voice it; a file's own text is synthesized.
 * Pure C. */
#ifndef STILLPOINT_SCREEN_WORDS_H
#define STILLPOINT_SCREEN_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"
#include "safety_flow.h"
#include "session.h"

enum { SCREEN_WORDS_MAX = 80, SCREEN_WORDS_BUF = 4096 };

/* Said after every yes/no question. */
extern const char SCREEN_WORDS_YES_NO[];
/* The offer to read screens aloud: what it says, then the question, then
 * where to change it (shown and said). */
extern const char *const SCREEN_WORDS_OFFER[3];
/* The heading of the signs to stop, shown and said. */
extern const char SCREEN_WORDS_STOP_HEADING[];
/* The rating question, its hint, and the words at a profile's pause
 * (the grounding line only when offered), shown and said. */
extern const char SCREEN_WORDS_RATING_QUESTION[];
extern const char SCREEN_WORDS_RATING_HINT[];
extern const char *const SCREEN_WORDS_PAUSE[4];
/* Headings and lines the screens before and after show and say. */
extern const char SCREEN_WORDS_CONTINUE[];      /* the floor notice's key */
extern const char SCREEN_WORDS_CHECK_HEADING[]; /* the checklist */
extern const char *const SCREEN_WORDS_BEGIN[2]; /* [scans]: its keys */
extern const char SCREEN_WORDS_BLOCKED[];       /* the blocked screen */
extern const char SCREEN_WORDS_DOCTOR_HEADING[];
extern const char SCREEN_WORDS_GROUNDING_OFFER[];
extern const char SCREEN_WORDS_CARE_HEADING[];
extern const char SCREEN_WORDS_NOTE_HEADING[]; /* the note box */
/* The floor screen's keys, shown and said. */
extern const char SCREEN_WORDS_FLOOR_KEYS[];

struct screen_line {
    const char *text;
    bool stock;
};

struct screen_words {
    struct screen_line lines[SCREEN_WORDS_MAX];
    size_t count;
    char buf[SCREEN_WORDS_BUF]; /* composed lines */
    size_t used;
};

/* The running screen's panel: why it shows. */
enum screen_status {
    SCREEN_STATUS_SIGNS,   /* the person asked for the signs to stop (I) */
    SCREEN_STATUS_CHECKIN, /* a check-in waits for a key */
    SCREEN_STATUS_PAUSED,
    SCREEN_STATUS_MISSED, /* paused because a check-in had no answer */
};

void screen_words_clear(struct screen_words *w);

/* What the running screen's panel says above the signs (NULL for
 * SCREEN_STATUS_SIGNS), shown and said. */
const char *screen_words_status(enum screen_status st);

/* The menu: the selected session's title. */
void screen_words_menu(struct screen_words *w, const struct session *s);

/* A screen before the session (the floor notice, a question, the
 * checklist); scans: the session lights parts of the body. */
void screen_words_before(struct screen_words *w, const struct safety_flow *f,
                         bool scans);

/* The screen that says the session must not start, and why. */
void screen_words_blocked(struct screen_words *w, const struct safety_flow *f);

/* The running screen's panel: its status, then the signs to stop. */
void screen_words_running(struct screen_words *w,
                          const struct safety_profile *p,
                          enum screen_status status);

/* What the after screen offers beside leaving. */
struct screen_after_offers {
    bool grounding; /* G */
    bool rating;    /* F: the question after waits */
    bool note;      /* N */
};

/* The after screen: how it ended, the signs that need a doctor first, the
 * grounding offer when there is one, the care for now, the keys. */
void screen_words_after(struct screen_words *w, const struct safety_profile *p,
                        enum history_outcome o,
                        const struct screen_after_offers *offers);

/* The question "How tense or upset do you feel right now?" (before the
 * session, or after it): the question, its scale and keys; once a
 * number is chosen, that number only (so moving through them says each
 * one). value: 0..10, or RATING_NONE. */
void screen_words_rating(struct screen_words *w, int value);

/* The words after a rating at a profile's pause; grounding: it is
 * offered. */
void screen_words_rating_pause(struct screen_words *w, bool grounding);

/* The note box on the after screen: what it is and its keys. */
void screen_words_note(struct screen_words *w);

/* The offer, at a first start on a desktop whose screen reader runs, to
 * read the screens aloud (said whatever the choice, shown the same). */
void screen_words_offer(struct screen_words *w);

/* The choices screen: the item chosen and its value ("Text size:
 * 150 %"), synthesized. */
void screen_words_choice(struct screen_words *w, const char *name,
                         const char *value);

/* How a session ended, in a few words ("Session complete."), shown and
 * said on the after screen. */
const char *screen_words_outcome(enum history_outcome o);

/* A hash of every line in order: it changes when what is said does. */
uint64_t screen_words_key(const struct screen_words *w);

#endif
