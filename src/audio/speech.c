/* speech.c: text to speech with libflite (see speech.h). */
#include "speech.h"

#include <flite/flite.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../version.h"
#include "resample.h"
#include "speech_cache.h"

cst_voice *register_cmu_us_slt(const char *voxdir);

/* The loudness the stock recordings are normalized to (RMS), and the
 * highest peak allowed. */
static const double TARGET_RMS_DBFS = -22.0;
static const double PEAK_LIMIT_DBFS = -6.0;
static const double FADE_SECONDS = 0.03;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static cst_voice *voice;
static double last_audio, last_cpu;
/* The cache folder, looked up once ("" when there is none). Under lock. */
static char cache[4096];
static bool cache_looked;

static const char *cache_dir(void)
{
    if (!cache_looked && !speech_cache_dir(cache, sizeof(cache)))
        cache[0] = '\0';
    cache_looked = true;
    return cache[0] ? cache : NULL;
}

/* How a line is made after flite: a new name when that changes, so no
 * line made the old way is read back. */
#define SPEECH_PIPELINE "srand1 soxr-hq normalize-22 whole"

/* What makes a line sound as it does: the program, how lines are made,
 * the voice, the pace and the words. */
static bool cache_key(const struct sound *snd, char *key, size_t n)
{
    int w =
        snprintf(key, n, "stillpoint %s|%s|cmu_us_slt|%.4f|%s",
                 STILLPOINT_VERSION, SPEECH_PIPELINE, snd->stretch, snd->text);
    return w > 0 && (size_t)w < n;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Synthesizes at the given stretch and returns it at SOUND_RATE. */
static int16_t *synth(const char *text, double stretch, size_t *frames)
{
    feat_set_float(voice->features, "duration_stretch", (float)stretch);
    /* flite draws the noise of unvoiced sounds from rand(): seeded the
     * same for every line, a line sounds the same whatever was spoken
     * before it, so a line read back from the cache is the line made. */
    srand(1);
    cst_wave *w = flite_text_to_wave(text, voice);
    if (!w)
        return NULL;
    int16_t *out = NULL;
    if (cst_wave_num_channels(w) == 1 && cst_wave_num_samples(w) > 0)
        out =
            resample_mono(cst_wave_samples(w), (size_t)cst_wave_num_samples(w),
                          cst_wave_sample_rate(w), SOUND_RATE, frames);
    delete_wave(w);
    return out;
}

/* Brings the line to the stock recordings' loudness without letting a
 * peak pass the limit. */
static void normalize(int16_t *pcm, size_t n)
{
    double sum = 0, peak = 0;
    for (size_t i = 0; i < n; i++) {
        double x = pcm[i];
        sum += x * x;
        if (fabs(x) > peak)
            peak = fabs(x);
    }
    if (n == 0 || sum == 0)
        return;
    double rms = sqrt(sum / (double)n);
    double gain = 32768.0 * pow(10, TARGET_RMS_DBFS / 20) / rms;
    double peak_max = 32768.0 * pow(10, PEAK_LIMIT_DBFS / 20);
    if (peak * gain > peak_max)
        gain = peak_max / peak;
    for (size_t i = 0; i < n; i++)
        pcm[i] = (int16_t)lrint(pcm[i] * gain);
}

static void fade_out(int16_t *pcm, size_t n)
{
    size_t len = (size_t)(FADE_SECONDS * SOUND_RATE);
    if (len > n)
        len = n;
    for (size_t i = 0; i < len; i++)
        pcm[n - len + i] =
            (int16_t)lrint(pcm[n - len + i] * (double)(len - i) / len);
}

bool speech_reload(struct sound *snd)
{
    char key[SPEECH_CACHE_KEY_MAX];
    int16_t *pcm;
    int64_t frames;
    pthread_mutex_lock(&lock);
    const char *dir = cache_dir();
    pthread_mutex_unlock(&lock);
    if (!cache_key(snd, key, sizeof(key)) ||
        !speech_cache_load(dir, key, &pcm, &frames))
        return false;
    snd->pcm = pcm;
    snd->channels = 1;
    snd->frames = frames;
    return true;
}

void speech_cache_tidy(time_t keep_since)
{
    pthread_mutex_lock(&lock);
    const char *dir = cache_dir();
    pthread_mutex_unlock(&lock);
    speech_cache_trim(dir, (uint64_t)SPEECH_CACHE_MAX_MB << 20, keep_since);
}

bool speech_synthesize(struct sound *snd, bool *cached, char *err,
                       size_t errlen)
{
    *cached = false;
    char key[SPEECH_CACHE_KEY_MAX];
    bool keyed = cache_key(snd, key, sizeof(key));
    double t0 = now();
    if (keyed && speech_reload(snd)) {
        *cached = true;
        pthread_mutex_lock(&lock);
        last_cpu = now() - t0;
        last_audio = (double)snd->frames / SOUND_RATE;
        pthread_mutex_unlock(&lock);
        return true;
    }
    pthread_mutex_lock(&lock);
    if (!voice) {
        flite_init();
        voice = register_cmu_us_slt(NULL);
    }
    size_t frames = 0;
    double stretch = snd->stretch > 0 ? snd->stretch : 1.0;
    int16_t *pcm = voice ? synth(snd->text, stretch, &frames) : NULL;
    if (pcm) {
        normalize(pcm, frames);
        fade_out(pcm, frames);
    }
    last_cpu = now() - t0;
    last_audio = (double)frames / SOUND_RATE;
    pthread_mutex_unlock(&lock);
    if (!pcm || frames == 0) {
        free(pcm);
        snprintf(err, errlen, "the speech synthesizer could not speak '%.60s'",
                 snd->text);
        return false;
    }
    snd->pcm = pcm;
    snd->channels = 1;
    snd->frames = (int64_t)frames;
    pthread_mutex_lock(&lock);
    const char *dir = cache_dir();
    pthread_mutex_unlock(&lock);
    *cached = keyed && speech_cache_store(dir, key, pcm, snd->frames);
    return true;
}

pid_t speech_fork(void)
{
    pthread_mutex_lock(&lock);
    pid_t pid = fork();
    pthread_mutex_unlock(&lock);
    return pid;
}

void speech_last_timing(double *audio_seconds, double *cpu_seconds)
{
    pthread_mutex_lock(&lock);
    *audio_seconds = last_audio;
    *cpu_seconds = last_cpu;
    pthread_mutex_unlock(&lock);
}
