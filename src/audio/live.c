/* live.c: one session played live (see live.h). */
#include "live.h"

#include <stdlib.h>
#include <time.h>

#include "device.h"

struct live {
    struct player *player;
    struct mixer *mix;
    struct engine *engine;
    uint64_t pending_seq; /* the snapshot that surely saw the last command */
    bool over;            /* played over the session (live_play_over) */
};

struct live *live_new(const struct timeline *tl, const struct sound_set *set,
                      const struct live_volumes *v)
{
    struct live *l = calloc(1, sizeof(*l));
    if (!l)
        return NULL;
    l->player = player_new(tl);
    l->mix = l->player ? mix_new(set, l->player) : NULL;
    l->engine = l->mix ? engine_new(l->mix, l->player) : NULL;
    if (!l->engine) {
        live_free(l);
        return NULL;
    }
    mix_set_volume(l->mix, v->master);
    mix_set_layer_volume(l->mix, MIX_VOICE, v->voice);
    mix_set_layer_volume(l->mix, MIX_CUES, v->cues);
    mix_set_layer_volume(l->mix, MIX_AMBIENT, v->ambient);
    return l;
}

void live_play(struct live *l)
{
    device_play(l->engine);
}

void live_play_over(struct live *l)
{
    l->over = true;
    device_play_over(l->engine);
}

void live_send(struct live *l, enum engine_cmd cmd, float arg)
{
    engine_send(l->engine, cmd, arg);
    /* A render under way may have drained the queue just before this
     * command; the one after it applies it. */
    struct engine_snapshot now;
    engine_snapshot(l->engine, &now);
    l->pending_seq = now.seq + 2;
}

void live_snapshot(struct live *l, struct engine_snapshot *snap)
{
    engine_snapshot(l->engine, snap);
}

bool live_settled(const struct live *l, const struct engine_snapshot *snap)
{
    return snap->seq >= l->pending_seq;
}

void live_stop(struct live *l, struct engine_snapshot *snap)
{
    live_send(l, ENGINE_STOP, 0);
    for (int i = 0; i < 100; i++) {
        engine_snapshot(l->engine, snap);
        if (snap->state == PLAYER_STOPPED || snap->state == PLAYER_FINISHED)
            break;
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
}

void live_free(struct live *l)
{
    if (!l)
        return;
    if (l->engine) {
        if (l->over)
            device_play_over(NULL);
        else
            device_play(NULL);
        engine_free(l->engine);
    }
    mix_free(l->mix);
    player_free(l->player);
    free(l);
}
