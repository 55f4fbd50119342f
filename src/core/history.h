/* history.h: the session history, $XDG_STATE_HOME/stillpoint/history.csv.
 * One CSV row per session event, append-only and crash-safe: a row saying
 * "interrupted" is appended when a session starts and a second row with
 * the same start time and session name when it ends, so a process killed
 * at any moment still leaves a true record. A rating before, a rating
 * after and a note are rows of their own with the same start time and
 * name (in the outcome column: rated-before, rated-after, note), so the
 * header never changes and an old file is only ever appended to. Reading
 * merges all the rows of a session into one. */
#ifndef STILLPOINT_HISTORY_H
#define STILLPOINT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define HISTORY_HEADER "started,session,type,planned_s,elapsed_s,outcome,detail"
/* --csv: one row per session, the ratings and the note in columns of
 * their own. history_read() reads this form too. */
#define HISTORY_EXPORT_HEADER HISTORY_HEADER ",before,after,note"

enum {
    HISTORY_LINE_MAX = 4096,   /* longer lines are damaged */
    HISTORY_ROWS_MAX = 100000, /* data lines read at most */
    HISTORY_NOTES_MAX = 20,    /* damaged lines described at most */
    HISTORY_RATING_MAX = 10,   /* ratings are 0 (calm) .. 10 */
    HISTORY_NOTE_CHARS = 500,  /* a note's characters at most */
    HISTORY_NOTE_BYTES = 4 * HISTORY_NOTE_CHARS + 1 /* its bytes, NUL too */
};

/* planned_s and elapsed_s: 0 .. HISTORY_SECONDS_MAX, written to 0.1 s. */
#define HISTORY_SECONDS_MAX 1e9

enum history_outcome {
    HISTORY_COMPLETED,
    HISTORY_STOPPED,
    HISTORY_DISCOMFORT,
    HISTORY_BLOCKED,
    HISTORY_INTERRUPTED,
    HISTORY_OUTCOMES /* how many there are */
};

/* What one row of the file records about a session. */
enum history_entry {
    HISTORY_ENTRY_OUTCOME, /* how it ended so far: outcome and detail */
    HISTORY_ENTRY_BEFORE,  /* the rating before: has_before, before */
    HISTORY_ENTRY_AFTER,   /* the rating after: has_after, after */
    HISTORY_ENTRY_NOTE,    /* the note */
    HISTORY_ENTRIES        /* how many there are */
};

struct history_row {
    char started[40]; /* ISO 8601 local time with offset, to the second */
    char session[64];
    char type[64];
    double planned_s, elapsed_s; /* elapsed_s excludes paused time */
    enum history_outcome outcome;
    char detail[256]; /* free text, may be empty */
    /* How tense or upset the person felt, 0..HISTORY_RATING_MAX, when
     * they said (a row set to zero has no rating). Never a score. */
    bool has_before, has_after;
    int before, after;
    /* What they wrote afterwards: UTF-8, at most HISTORY_NOTE_CHARS
     * characters, '\n' between lines; "" for none. */
    char note[HISTORY_NOTE_BYTES];
};

/* A damaged line: where it is in the file (1 is the header) and what is
 * wrong with it, in a few words. */
struct history_note {
    size_t line;
    char what[192];
};

struct history {
    struct history_row *rows; /* merged, in order of first appearance */
    size_t count;
    size_t damaged; /* lines skipped as unreadable */
    bool truncated; /* the file has more than HISTORY_ROWS_MAX lines */
    struct history_note notes[HISTORY_NOTES_MAX]; /* the first damaged */
    size_t n_notes;
};

/* "completed", "stopped", ...; "unknown" for a value outside the enum. */
const char *history_outcome_name(enum history_outcome o);
/* The outcome spelled exactly as history_outcome_name() writes it. */
bool history_outcome_parse(const char *s, enum history_outcome *out);

/* The history file's path: $XDG_STATE_HOME/stillpoint/history.csv, or
 * $HOME/.local/state/stillpoint/history.csv when XDG_STATE_HOME is unset
 * or not absolute. False when neither gives an absolute folder or the
 * path does not fit in n bytes. */
bool history_default_path(char *out, size_t n);

/* Fills row->started with the local time `when` (0: now), for example
 * "2026-11-23T09:01:47+01:00". False (and started empty) when that time
 * has no four-digit year or the clock cannot be read. */
bool history_stamp(struct history_row *row, time_t when);

/* The row as one line of the file, '\n' included, quoted as RFC 4180
 * says (a field holding a comma or a quote is quoted, quotes doubled);
 * newlines and other control characters in the text fields become
 * spaces, seconds have one decimal. A text field a spreadsheet would run
 * as a formula (one that begins, past any apostrophes of its own, with
 * =, +, -, @, a space or a control character such as a tab or a carriage
 * return) gets one apostrophe more in front; history_read() takes that
 * one away. Seconds, which stillpoint writes itself, stay numbers. This
 * is the session's outcome row of the file. Returns the line's
 * length, or 0 when it does not fit in n bytes (HISTORY_LINE_MAX always
 * fits). */
size_t history_format_row(const struct history_row *row, char *out, size_t n);

/* One entry of the row as a line of the file, as history_format_row()
 * writes it (which is HISTORY_ENTRY_OUTCOME). The other entries keep the
 * row's started, session, type and seconds, put their word in the
 * outcome column (rated-before, rated-after, note) and their value in
 * the detail column: the rating as 0..10, or empty for none; the note
 * with each backslash written as two and each line break as \n (so the
 * row stays one line; other control characters become spaces). An older
 * stillpoint reads such a row as a damaged line and skips it. */
size_t history_format_entry(const struct history_row *row,
                            enum history_entry what, char *out, size_t n);

/* The row as one line of --csv's export (HISTORY_EXPORT_HEADER): the
 * seven columns of history_format_row(), then before, after (0..10 or
 * empty) and the note, written as history_format_entry() writes it. */
size_t history_format_export(const struct history_row *row, char *out,
                             size_t n);

/* Appends one row to the file at path as a single write() followed by
 * fsync(). Creates missing folders (0700) and a missing file (0600,
 * O_CREAT | O_EXCL | O_NOFOLLOW, starting with the header; an empty file
 * gets the header too). The file is never rewritten: if it does not end
 * with a newline (a write cut short), the row starts with one, so the cut
 * line stays one damaged line and the row stays whole. Nothing is ever
 * appended to a file that is not a history: one whose first line is not
 * the header (nor the header cut short, as history_read() also accepts)
 * is refused and left as it is. Nothing is written or made private
 * through a link: a symbolic link at path is refused ("PATH: "
 * FSUTIL_LINK_REFUSED). The row is checked first (a valid started stamp,
 * a known outcome, seconds in range), so whatever is appended reads back.
 * The history is private: an existing file that others may read or
 * write is made 0600 (owner bits kept; fchmod on the open file). Returns
 * 0, with err empty or holding a note saying the permissions were
 * tightened (or could not be); or -1 with a message in err. */
int history_append(const char *path, const struct history_row *row, char *err,
                   size_t errlen);

/* Appends one entry of the row (history_format_entry()) as
 * history_append() does, with the same checks, and for a rating one
 * from 0 to HISTORY_RATING_MAX (or none), for the note at most
 * HISTORY_NOTE_CHARS characters. history_append() is this with
 * HISTORY_ENTRY_OUTCOME. The window records the rating before, the
 * rating after and the note each this way, with the row it recorded the
 * session's outcome with (same started and session). */
int history_append_entry(const char *path, const struct history_row *row,
                         enum history_entry what, char *err, size_t errlen);

/* Reads the file at path into out, merging rows: the last outcome row
 * for a (started, session) pair wins and keeps the place of the first
 * row; so does the last rating before, the last rating after and the
 * last note, whichever order they came in. A session with a rating or
 * a note but no outcome row reads as interrupted. Rows without those
 * read as no rating and no note. The export's form (HISTORY_EXPORT_HEADER,
 * ten columns) reads the same way; appending to it is refused. Damaged
 * lines are skipped and counted, and the first HISTORY_NOTES_MAX of them
 * described in out->notes; after HISTORY_ROWS_MAX lines reading stops,
 * out->truncated is set and err holds a note. A first line that is the
 * beginning of the header (a first write cut short) is a damaged line
 * too. A text field that begins with an apostrophe before what
 * history_format_row() neutralises loses that one apostrophe, so a row
 * reads as it was before it was made safe (an older row without one
 * reads as it is). A missing file gives 0 rows. Reading follows a
 * symbolic link (only writing refuses one). Returns 0, or -1 with a
 * message in err when the file cannot be read or its first line is not
 * HISTORY_HEADER (then out is empty). Never crashes on any bytes. Free
 * out with history_free() in either case. */
int history_read(const char *path, struct history *out, char *err,
                 size_t errlen);
void history_free(struct history *h);

#endif
