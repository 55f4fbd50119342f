/* prefs.c: the preferences' defaults and their text forms. */
#include "prefs.h"

#include <stdio.h>
#include <string.h>

#include "nearest.h"
#include "session.h"

static const char *const cue_style_names[] = {"sound", "caption", "none"};
enum { CUE_STYLE_COUNT = sizeof(cue_style_names) / sizeof(cue_style_names[0]) };

void prefs_defaults(struct prefs *p)
{
    *p = (struct prefs){
        .master_volume = 0.8f,
        .voice_volume = 1.0f,
        .cue_volume = 0.8f,
        .ambient_volume = 0.5f,
        .voice = true,
        .ambient = true,
        .cue_style = CUE_STYLE_SOUND,
        .settling_seconds = 0.0,
        .eyes_open = false,
        .gentle = false,
        .offer_grounding = true,
        .leave_out = 0,
    };
}

const char *prefs_cue_style_name(enum cue_style s)
{
    return (unsigned)s < CUE_STYLE_COUNT ? cue_style_names[s] : "unknown";
}

/* err gets "unknown WHAT 'text' (did you mean 'x'?)", or the known names
 * when none is close. */
static void unknown(const char *what, const char *text,
                    const char *const *names, size_t n, char *err,
                    size_t errlen)
{
    const char *near = nearest_name(names, n, text);
    if (near) {
        snprintf(err, errlen, "unknown %s '%s' (did you mean '%s'?)", what,
                 text, near);
        return;
    }
    int len = snprintf(err, errlen, "unknown %s '%s' (known: ", what, text);
    for (size_t i = 0; i < n && len >= 0 && (size_t)len < errlen; i++)
        len += snprintf(err + len, errlen - (size_t)len, "%s%s", names[i],
                        i + 1 < n ? ", " : ")");
}

bool prefs_cue_style_parse(const char *text, enum cue_style *out, char *err,
                           size_t errlen)
{
    for (size_t i = 0; i < CUE_STYLE_COUNT; i++) {
        if (strcmp(text, cue_style_names[i]) == 0) {
            *out = (enum cue_style)i;
            return true;
        }
    }
    unknown("cue style", text, cue_style_names, CUE_STYLE_COUNT, err, errlen);
    return false;
}

bool prefs_regions_parse(const char *text, uint32_t *out, char *err,
                         size_t errlen)
{
    uint32_t mask = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strcspn(p, ",");
        size_t end = len;
        while (end > 0 && (p[end - 1] == ' ' || p[end - 1] == '\t'))
            end--;
        if (end > 0) {
            char item[64];
            size_t i = 0;
            if (end < sizeof(item)) {
                memcpy(item, p, end);
                item[end] = '\0';
                while (i < SESSION_REGION_COUNT &&
                       strcmp(item, SESSION_REGIONS[i]) != 0)
                    i++;
            } else {
                snprintf(item, sizeof(item), "%.*s...", 40, p);
                i = SESSION_REGION_COUNT;
            }
            if (i == SESSION_REGION_COUNT) {
                unknown("region", item, SESSION_REGIONS, SESSION_REGION_COUNT,
                        err, errlen);
                return false;
            }
            mask |= UINT32_C(1) << i;
        }
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
    *out = mask;
    return true;
}

bool prefs_regions_format(uint32_t mask, char *buf, size_t n)
{
    if (n == 0)
        return false;
    buf[0] = '\0';
    if (SESSION_REGION_COUNT < 32 && (mask >> SESSION_REGION_COUNT) != 0)
        return false;
    size_t len = 0;
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++) {
        if (!(mask & (UINT32_C(1) << i)))
            continue;
        int w = snprintf(buf + len, n - len, "%s%s", len ? "," : "",
                         SESSION_REGIONS[i]);
        if (w < 0 || (size_t)w >= n - len) {
            buf[0] = '\0';
            return false;
        }
        len += (size_t)w;
    }
    return true;
}
