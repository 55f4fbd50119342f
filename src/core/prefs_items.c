/* prefs_items.c: the choices screen's items (see prefs_items.h), one for
 * each row of the preferences table with a label, then one for each body
 * region of the region set. */
#include "prefs_items.h"

#include <math.h>
#include <stdio.h>

#include "session.h"

/* The row of item i, and the region it stands for (-1: none); NULL past
 * the last item. */
static const struct prefs_row *item_row(int item, int *region)
{
    const struct prefs_row *set = NULL;
    *region = -1;
    for (size_t i = 0; i < PREFS_ROWS && item >= 0; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        if (!r->label)
            continue;
        if (r->type == PREFS_REGION_SET)
            set = r;
        else if (item-- == 0)
            return r;
    }
    if (!set || item < 0 || (size_t)item >= SESSION_REGION_COUNT)
        return NULL;
    *region = item;
    return set;
}

int prefs_item_first_region(void)
{
    int n = 0;
    for (size_t i = 0; i < PREFS_ROWS; i++)
        n += PREFS_TABLE[i].label && PREFS_TABLE[i].type != PREFS_REGION_SET;
    return n;
}

int prefs_item_count(void)
{
    return prefs_item_first_region() + (int)SESSION_REGION_COUNT;
}

static void number_text(const struct prefs_row *r, double v, char *value,
                        size_t vn)
{
    if (r->shown == PREFS_SHOWN_PERCENT)
        snprintf(value, vn, "%d %%", (int)lroundf((float)v * 100));
    else if (v > 0)
        snprintf(value, vn, "%.0f s", v);
    else
        snprintf(value, vn, "none");
}

void prefs_item_text(const struct prefs *p, int item, char *name, size_t nn,
                     char *value, size_t vn)
{
    int region;
    const struct prefs_row *r = item_row(item, &region);
    name[0] = value[0] = '\0';
    if (!r)
        return;
    double v = prefs_get(r, p);
    if (region >= 0) {
        snprintf(name, nn, "%s", SESSION_REGIONS[region]);
        snprintf(value, vn, "%s",
                 ((uint32_t)v >> region) & 1u ? "left out" : "included");
        return;
    }
    snprintf(name, nn, "%s", r->label);
    switch (r->type) {
    case PREFS_BOOL:
        snprintf(value, vn, "%s", v != 0 ? "on" : "off");
        break;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        number_text(r, v, value, vn);
        break;
    case PREFS_ENUM:
        for (int k = 0; r->words[k]; k++)
            if (k == (int)v || !r->words[k + 1]) {
                snprintf(value, vn, "%s", r->words[k]);
                break;
            }
        break;
    case PREFS_REGION_SET:
        break;
    }
}

/* The step nearest to v: in 1/per from min (a float is scaled as a
 * float, so 0.35 is 4 tenths), or among the stops. *n gets the count. */
static int step_index(const struct prefs_row *r, double v, int *n)
{
    if (r->per) {
        *n = (int)lround((r->max - r->min) * r->per) + 1;
        if (r->type == PREFS_FLOAT)
            return (int)lroundf(((float)v - (float)r->min) * (float)r->per);
        return (int)lround((v - r->min) * r->per);
    }
    int best = 0;
    *n = r->n_stops;
    for (int i = 1; i < r->n_stops; i++)
        if (fabs(r->stops[i] - v) < fabs(r->stops[best] - v))
            best = i;
    return best;
}

/* Moves a number one step (dir 0: forward, going round from the top to
 * the bottom). Returns whether the step changed. */
static bool step_number(const struct prefs_row *r, struct prefs *p, int dir)
{
    int n, was = step_index(r, prefs_get(r, p), &n);
    int now = was + (dir ? dir : 1);
    now = now < 0 ? 0 : now >= n ? (dir ? n - 1 : 0) : now;
    if (!r->per)
        prefs_set(r, p, r->stops[now]);
    else if (r->type == PREFS_FLOAT)
        prefs_set(r, p, (float)r->min + (float)now / (float)r->per);
    else
        prefs_set(r, p, r->min + (double)now / r->per);
    return now != was;
}

bool prefs_item_step(struct prefs *p, int item, int dir)
{
    int region;
    const struct prefs_row *r = item_row(item, &region);
    if (!r)
        return false;
    double v = prefs_get(r, p);
    int n = 0;
    switch (r->type) {
    case PREFS_REGION_SET:
        prefs_set(r, p, (double)((uint32_t)v ^ (UINT32_C(1) << region)));
        return true;
    case PREFS_BOOL:
        prefs_set(r, p, v == 0);
        return true;
    case PREFS_ENUM:
        while (r->words[n])
            n++;
        prefs_set(r, p, (double)(((int)v + (dir < 0 ? n - 1 : 1)) % n));
        return true;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        return step_number(r, p, dir);
    }
    return false;
}
