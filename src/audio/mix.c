/* mix.c: the one mixer behind live playback and --render. */
#include "mix.h"

#include <stdlib.h>
#include <string.h>

#include "stream.h"

enum {
    AMBIENT_FADE = 4 * SOUND_RATE, /* ambient bed fades in and out */
    VOLUME_RAMP = SOUND_RATE / 100,
};

struct voice {
    const struct sound *sound;
    int64_t pos; /* next frame of the sound to play */
    float gain;
    enum mix_layer layer;
    int loop;
    int active;
    bool soft; /* the spoken count: the bed does not step back under it */
};

/* A gain that glides to its target instead of jumping (no clicks). */
struct glide {
    float now, target;
};

struct mixer {
    const struct sound_set *set;
    struct player *player;
    struct voice voices[MIX_VOICES];
    float volume, volume_target;
    struct glide layer[MIX_LAYERS];
    float duck;     /* the ambient bed's ducking gain, MIX_DUCK_GAIN..1 */
    bool duck_over; /* a screen read aloud over the session */
    float over;     /* the voice's and cues' gain under it, MIX_DUCK_GAIN..1 */
};

enum mix_layer mix_layer_of(const struct cue *c)
{
    switch (c->kind) {
    case CUE_AMBIENT:
        return MIX_AMBIENT;
    case CUE_SAY:
    case CUE_SCAN:
    case CUE_PLAY:
    case CUE_COUNT:
        return MIX_VOICE;
    default:
        return MIX_CUES;
    }
}

/* Moves g toward its target by at most step; returns the new value. */
static float glide_by(struct glide *g, float step)
{
    if (g->now < g->target)
        g->now = g->now + step > g->target ? g->target : g->now + step;
    else if (g->now > g->target)
        g->now = g->now - step < g->target ? g->target : g->now - step;
    return g->now;
}

struct mixer *mix_new(const struct sound_set *set, struct player *p)
{
    struct mixer *m = calloc(1, sizeof(*m));
    if (!m)
        return NULL;
    m->set = set;
    m->player = p;
    m->volume = m->volume_target = 1.0f;
    for (int i = 0; i < MIX_LAYERS; i++)
        m->layer[i].now = m->layer[i].target = 1.0f;
    m->duck = 1.0f;
    m->over = 1.0f;
    return m;
}

/* Moves a ducking gain over frames toward MIX_DUCK_GAIN while on (over
 * MIX_DUCK_ATTACK), back toward 1 while off (over MIX_DUCK_RELEASE);
 * returns its value before. */
static float duck_step(float *gain, bool on, int64_t frames)
{
    float before = *gain;
    struct glide d = {*gain, on ? MIX_DUCK_GAIN : 1.0f};
    float rate =
        (1.0f - MIX_DUCK_GAIN) / (on ? MIX_DUCK_ATTACK : MIX_DUCK_RELEASE);
    *gain = glide_by(&d, rate * (float)frames);
    return before;
}

void mix_duck(struct mixer *m, bool on)
{
    m->duck_over = on;
}

void mix_free(struct mixer *m)
{
    free(m);
}

void mix_set_volume(struct mixer *m, float volume)
{
    m->volume_target = volume < 0 ? 0 : volume > 1 ? 1 : volume;
}

float mix_volume(const struct mixer *m)
{
    return m->volume_target;
}

void mix_set_layer_volume(struct mixer *m, enum mix_layer layer, float volume)
{
    if ((unsigned)layer < MIX_LAYERS)
        m->layer[layer].target = volume < 0 ? 0 : volume > 1 ? 1 : volume;
}

static void start_voice(struct mixer *m, const struct cue *c)
{
    if (c->sound < 0 || (size_t)c->sound >= m->set->count)
        return;
    const struct sound *s = &m->set->items[c->sound];
    /* Speech still being synthesized is left out (its caption shows);
     * once ready, its samples are complete. */
    if (!atomic_load_explicit(&s->ready, memory_order_acquire) ||
        (s->stream ? sound_length(s) <= 0 : !s->pcm || s->frames <= 0))
        return;
    struct voice *v = NULL;
    for (int i = 0; i < MIX_VOICES && !v; i++)
        if (!m->voices[i].active)
            v = &m->voices[i];
    if (!v) { /* all busy: replace the one-shot that has played longest
                 (never a recording: its stream plays once) */
        for (int i = 0; i < MIX_VOICES; i++)
            if (!m->voices[i].loop && !m->voices[i].sound->stream &&
                (!v || m->voices[i].pos > v->pos))
                v = &m->voices[i];
        if (!v)
            return;
    }
    *v = (struct voice){.sound = s,
                        .gain = c->gain,
                        .layer = mix_layer_of(c),
                        .loop = c->loop,
                        .active = 1,
                        .soft = c->kind == CUE_COUNT};
}

/* Gain of a looped bed at session frame pos: fades in at the start and
 * out before the end. */
static float ambient_env(const struct timeline *t, int64_t pos)
{
    float in = pos >= AMBIENT_FADE ? 1.0f : (float)pos / AMBIENT_FADE;
    int64_t left = t->total_frames - pos;
    float out = left >= AMBIENT_FADE ? 1.0f
                : left <= 0          ? 0.0f
                                     : (float)left / AMBIENT_FADE;
    return in < out ? in : out;
}

enum { STREAM_CHUNK = 1024 }; /* frames of a recording read at a time */

static void add_voice(struct voice *v, float *out, int64_t frames, float g0,
                      float g1)
{
    const struct sound *s = v->sound;
    const float scale = 1.0f / 32768.0f;
    float step = frames > 0 ? (g1 - g0) / (float)frames : 0.0f;
    float g = g0 * scale;
    step *= scale;
    int64_t i = 0, length = s->stream ? sound_length(s) : s->frames;
    int16_t chunk[STREAM_CHUNK * 2];
    while (i < frames) {
        int64_t n = length - v->pos;
        if (n > frames - i)
            n = frames - i;
        const int16_t *src;
        if (s->stream) { /* a recording: read from its ring */
            if (n > STREAM_CHUNK)
                n = STREAM_CHUNK;
            stream_read(s->stream, chunk, (size_t)n);
            src = chunk;
        } else {
            src = s->pcm + v->pos * s->channels;
        }
        float *dst = out + i * MIX_OUT_CHANNELS;
        if (s->channels == 1) {
            for (int64_t k = 0; k < n; k++, g += step) {
                float x = src[k] * g;
                dst[2 * k] += x;
                dst[2 * k + 1] += x;
            }
        } else {
            for (int64_t k = 0; k < n; k++, g += step) {
                dst[2 * k] += src[2 * k] * g;
                dst[2 * k + 1] += src[2 * k + 1] * g;
            }
        }
        v->pos += n;
        i += n;
        if (v->pos >= length) {
            if (!v->loop) {
                v->active = 0;
                return;
            }
            v->pos = 0;
        }
    }
}

/* Master gain: the player's fade times the smoothed volume. */
static void apply_master(struct mixer *m, float *out, int64_t frames,
                         float fade, float fade_step)
{
    float vol = m->volume, target = m->volume_target;
    const float dv = 1.0f / VOLUME_RAMP;
    for (int64_t i = 0; i < frames; i++) {
        if (vol != target) {
            if (vol < target)
                vol = vol + dv > target ? target : vol + dv;
            else
                vol = vol - dv < target ? target : vol - dv;
        }
        float g = fade * vol;
        out[2 * i] *= g;
        out[2 * i + 1] *= g;
        fade += fade_step;
    }
    m->volume = vol;
}

void mix_render(struct mixer *m, float *out, size_t frames)
{
    const struct timeline *t = player_timeline(m->player);
    memset(out, 0, frames * MIX_OUT_CHANNELS * sizeof(float));
    size_t done = 0;
    while (done < frames) {
        struct player_span span;
        player_next_span(m->player, (int64_t)(frames - done), &span);
        if (span.silent) {
            m->volume = m->volume_target;
            return;
        }
        for (size_t i = 0; i < span.n_cues; i++)
            start_voice(m, &t->cues[span.first_cue + i]);
        float *block = out + done * MIX_OUT_CHANNELS;
        int64_t pos = player_position(m->player);
        int any = 0;
        /* Each layer's volume and the ambient ducking glide across the
         * span: g0 at its start, g1 at its end. */
        bool speaking = m->duck_over;
        for (int i = 0; i < MIX_VOICES; i++)
            speaking |= m->voices[i].active &&
                        m->voices[i].layer == MIX_VOICE && !m->voices[i].soft;
        float lg0[MIX_LAYERS], lg1[MIX_LAYERS];
        for (int l = 0; l < MIX_LAYERS; l++) {
            lg0[l] = m->layer[l].now;
            lg1[l] = glide_by(&m->layer[l], (float)span.frames / VOLUME_RAMP);
        }
        lg0[MIX_AMBIENT] *= duck_step(&m->duck, speaking, span.frames);
        lg1[MIX_AMBIENT] *= m->duck;
        /* Under a screen read aloud, the session's voice and cues step
         * back as the bed does (the bed only once). */
        float over0 = duck_step(&m->over, m->duck_over, span.frames);
        for (int l = MIX_VOICE; l <= MIX_CUES; l++) {
            lg0[l] *= over0;
            lg1[l] *= m->over;
        }
        for (int i = 0; i < MIX_VOICES; i++) {
            struct voice *v = &m->voices[i];
            if (!v->active)
                continue;
            any = 1;
            float g0 = v->gain * lg0[v->layer], g1 = v->gain * lg1[v->layer];
            if (v->loop) {
                g0 *= ambient_env(t, pos);
                g1 *= ambient_env(t, pos + span.frames);
            }
            add_voice(v, block, span.frames, g0, g1);
        }
        if (any)
            apply_master(m, block, span.frames, span.gain, span.gain_step);
        else
            m->volume = m->volume_target;
        player_advance(m->player, &span);
        done += (size_t)span.frames;
    }
}

void mix_to_s16(const float *in, int16_t *out, size_t samples)
{
    for (size_t i = 0; i < samples; i++) {
        float y = in[i] * 32767.0f;
        if (y >= 32767.0f)
            out[i] = 32767;
        else if (y <= -32767.0f)
            out[i] = -32767;
        else
            out[i] = (int16_t)(y + (y >= 0 ? 0.5f : -0.5f));
    }
}
