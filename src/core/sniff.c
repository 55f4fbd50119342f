/* sniff.c: a sound file's format and headers, read from its bytes (see
 * sniff.h). Every offset is checked against the length first. */
#include "sniff.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *sniff_format_name(enum sniff_format f)
{
    switch (f) {
    case SNIFF_WAV:
        return "WAV";
    case SNIFF_OGG:
        return "Ogg";
    case SNIFF_FLAC:
        return "FLAC";
    case SNIFF_MP3:
        return "MP3";
    default:
        return "unknown";
    }
}

static bool say(char *why, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool say(char *why, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
    return false;
}

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return le16(p) | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return le32(p) | (uint64_t)le32(p + 4) << 32;
}

static uint32_t be24(const unsigned char *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* The format the content starts like; the same rules SDL_mixer uses to
 * pick a decoder, minus the formats stillpoint does not play (anything
 * else would go to its MOD or MIDI decoders). A prefix of a signature
 * counts, so a file cut inside its first bytes is named "cut short". */
static enum sniff_format detect(const unsigned char *b, size_t len)
{
    static const struct {
        const char *magic;
        size_t at;
        enum sniff_format f;
    } sigs[] = {{"RIFF", 0, SNIFF_WAV},
                {"OggS", 0, SNIFF_OGG},
                {"fLaC", 0, SNIFF_FLAC},
                {"ID3", 0, SNIFF_MP3}};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        size_t m = strlen(sigs[i].magic);
        size_t n = len < m ? len : m;
        if (memcmp(b, sigs[i].magic, n) == 0) {
            if (sigs[i].f == SNIFF_WAV && len >= 12 &&
                memcmp(b + 8, "WAVE", 4) != 0)
                return SNIFF_UNKNOWN; /* a RIFF file of another kind */
            return sigs[i].f;
        }
    }
    if (len >= 2 && b[0] == 0xFF && (b[1] & 0xE6) == 0xE2)
        return SNIFF_MP3; /* an MPEG audio frame header */
    return SNIFF_UNKNOWN;
}

/* The format a file's name says, or SNIFF_UNKNOWN. */
static enum sniff_format named(const char *name)
{
    static const struct {
        const char *ext;
        enum sniff_format f;
    } exts[] = {{"wav", SNIFF_WAV}, {"wave", SNIFF_WAV}, {"ogg", SNIFF_OGG},
                {"oga", SNIFF_OGG}, {"opus", SNIFF_OGG}, {"flac", SNIFF_FLAC},
                {"mp3", SNIFF_MP3}};
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash : name, '.');
    if (!dot)
        return SNIFF_UNKNOWN;
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (strcasecmp(dot + 1, exts[i].ext) == 0)
            return exts[i].f;
    return SNIFF_UNKNOWN;
}

static const char *extension_of(enum sniff_format f)
{
    static const char *const ext[] = {"", ".wav", ".ogg", ".flac", ".mp3"};
    return ext[f];
}

/* ---- WAV: RIFF chunks; the fmt and data chunks are required. */

static bool sniff_wav(const unsigned char *b, size_t len,
                      struct sniff_info *out, char *why, size_t n)
{
    if (len < 12)
        return say(why, n, "is cut short: %zu bytes, not even a WAV header",
                   len);
    bool have_fmt = false, have_data = false;
    uint32_t bits = 0, align = 0, tag = 0;
    uint64_t data = 0;
    uint64_t pos = 12;
    while (!(have_fmt && have_data)) {
        if (pos + 8 > len) {
            if (pos < len)
                return say(why, n,
                           "is cut short: it ends inside a chunk header");
            if ((uint64_t)le32(b + 4) + 8 > len)
                return say(why, n,
                           "is cut short: it ends after %zu bytes; its header "
                           "declares %llu",
                           len, (unsigned long long)le32(b + 4) + 8);
            if (!have_fmt)
                return say(why, n, "is damaged: it has no format (fmt) chunk");
            return say(why, n, "holds no sound: it has no data chunk");
        }
        const unsigned char *c = b + pos;
        uint64_t size = le32(c + 4), avail = len - (pos + 8);
        if (memcmp(c, "data", 4) == 0 && !have_data) {
            if (size > avail)
                return say(why, n,
                           "is cut short: its header declares %llu bytes of "
                           "sound but the file holds %llu",
                           (unsigned long long)size, (unsigned long long)avail);
            have_data = true;
            data = size;
        } else if (size > avail) {
            return say(why, n,
                       "is cut short: its '%.4s' chunk declares %llu bytes "
                       "but the file holds %llu",
                       (const char *)c, (unsigned long long)size,
                       (unsigned long long)avail);
        } else if (memcmp(c, "fmt ", 4) == 0 && !have_fmt) {
            if (size < 16)
                return say(why, n,
                           "is damaged: its format chunk is %llu bytes, "
                           "not at least 16",
                           (unsigned long long)size);
            have_fmt = true;
            tag = le16(c + 8);
            out->channels = (int)le16(c + 10);
            out->rate = (long)le32(c + 12);
            align = le16(c + 20);
            bits = le16(c + 22);
            if (tag == 0xFFFE && size >= 26)
                tag = le16(c + 32); /* WAVE_FORMAT_EXTENSIBLE's subformat */
        }
        pos += 8 + size + (size & 1);
    }
    if (out->channels == 0 || align == 0 || bits == 0)
        return say(why, n,
                   "is damaged: its format chunk declares %d channels, "
                   "%u bits and %u-byte blocks",
                   out->channels, (unsigned)bits, (unsigned)align);
    /* Exact for PCM, float, A-law and mu-law; compressed WAVs (ADPCM)
     * declare their bits per coded sample, and spend some on block
     * headers, so for them this is an upper bound. */
    out->frames = (int64_t)(data * 8 / ((uint64_t)bits * out->channels));
    out->exact = tag == 1 || tag == 3 || tag == 6 || tag == 7;
    return true;
}

/* ---- Ogg: pages of the first logical stream, Vorbis or Opus. */

static bool sniff_ogg(const unsigned char *b, size_t len,
                      struct sniff_info *out, char *why, size_t n)
{
    uint32_t serial = 0;
    bool eos = false;
    int64_t last_granule = -1;
    size_t pos = 0;
    for (int page = 0; pos < len; page++) {
        const unsigned char *p = b + pos;
        size_t left = len - pos;
        if (left < 4 || memcmp(p, "OggS", 4) != 0) {
            if (eos)
                break; /* bytes after the stream's end are ignored */
            if (left < 4 && memcmp(p, "OggS", left) == 0)
                return say(why, n, "is cut short: it ends inside an Ogg page");
            return say(why, n, "is damaged: no Ogg page at byte %zu", pos);
        }
        if (left < 27 || left < 27 + (size_t)p[26])
            return say(why, n, "is cut short: it ends inside an Ogg page");
        if (p[4] != 0)
            return say(why, n, "is damaged: Ogg page version %d at byte %zu",
                       p[4], pos);
        size_t body = 0;
        for (int i = 0; i < p[26]; i++)
            body += p[27 + i];
        size_t head = 27 + (size_t)p[26];
        if (left - head < body)
            return say(why, n, "is cut short: it ends inside an Ogg page");
        const unsigned char *pk = p + head;
        if (page == 0) {
            serial = le32(p + 14);
            if (body >= 30 && memcmp(pk, "\x01vorbis", 7) == 0) {
                out->channels = pk[11];
                out->rate = (long)le32(pk + 12);
            } else if (body >= 19 && memcmp(pk, "OpusHead", 8) == 0) {
                out->channels = pk[9];
                out->rate = 48000; /* Opus always decodes at 48 kHz */
            } else {
                return say(why, n,
                           "holds Ogg data that is neither Vorbis nor Opus "
                           "audio");
            }
        }
        if (le32(p + 14) == serial && !eos) {
            int64_t g = (int64_t)le64(p + 6);
            if (g > last_granule)
                last_granule = g; /* -1 marks a page where no packet ends */
            eos = (p[5] & 4) != 0;
        }
        pos += head + body;
    }
    if (!eos)
        return say(why, n,
                   "is cut short: its Ogg stream stops before its last page");
    out->frames = last_granule;
    out->exact = true;
    return true;
}

/* ---- FLAC: STREAMINFO first, then every metadata block whole. */

/* The first metadata block h, of size bytes: the stream information. */
static bool streaminfo(const unsigned char *h, size_t size,
                       struct sniff_info *out, char *why, size_t n)
{
    if ((h[0] & 0x7F) != 0 || size < 34)
        return say(why, n,
                   "is damaged: its FLAC header does not start with the "
                   "stream information");
    const unsigned char *s = h + 4;
    out->rate = (long)(be24(s + 10) >> 4);
    out->channels = ((s[12] >> 1) & 7) + 1;
    uint64_t total = (uint64_t)(s[13] & 0x0F) << 32 | (uint64_t)s[14] << 24 |
                     (uint64_t)s[15] << 16 | (uint64_t)s[16] << 8 | s[17];
    out->frames = total ? (int64_t)total : -1;
    out->exact = total != 0;
    return true;
}

static bool sniff_flac(const unsigned char *b, size_t len,
                       struct sniff_info *out, char *why, size_t n)
{
    size_t pos = 4;
    for (int block = 0;; block++) {
        if (len < pos + 4)
            return say(why, n, "is cut short: it ends in its FLAC header");
        const unsigned char *h = b + pos;
        size_t size = be24(h + 1);
        if (len - pos - 4 < size)
            return say(why, n, "is cut short: it ends in its FLAC header");
        if (block == 0 && !streaminfo(h, size, out, why, n))
            return false;
        pos += 4 + size;
        if (h[0] & 0x80)
            return true;
    }
}

/* The format by the content, agreeing with the name's extension. */
static bool format_of(const char *name, const unsigned char *buf, size_t len,
                      struct sniff_info *out, char *why, size_t whylen)
{
    *out = (struct sniff_info){.frames = -1};
    if (len == 0)
        return say(why, whylen, "is empty");
    out->format = detect(buf, len);
    enum sniff_format want = named(name);
    if (out->format == SNIFF_UNKNOWN)
        return say(why, whylen,
                   "holds no sound stillpoint can play (Ogg Vorbis or Opus, "
                   "FLAC, WAV or MP3)");
    if (want != SNIFF_UNKNOWN && want != out->format)
        return say(why, whylen, "holds %s audio, not %s: name it %s",
                   sniff_format_name(out->format), sniff_format_name(want),
                   extension_of(out->format));
    return true;
}

/* ---- the head of a long file: what its first bytes declare. */

/* WAV: the fmt chunk, and the data chunk's declared size, inside the
 * head; the data may run past it, up to the file's size. */
static bool head_wav(const unsigned char *b, size_t len, uint64_t size,
                     struct sniff_info *out, char *why, size_t n)
{
    uint64_t pos = 12, data = 0;
    uint32_t bits = 0, tag = 0;
    bool have_fmt = false;
    while (pos + 8 <= len) {
        const unsigned char *c = b + pos;
        uint64_t chunk = le32(c + 4);
        if (chunk > size - (pos + 8))
            return say(why, n,
                       "is cut short: its '%.4s' chunk declares %llu bytes "
                       "but the file holds %llu",
                       (const char *)c, (unsigned long long)chunk,
                       (unsigned long long)(size - (pos + 8)));
        if (memcmp(c, "fmt ", 4) == 0 && !have_fmt && chunk >= 16 &&
            pos + 8 + 24 <= len) {
            have_fmt = true;
            tag = le16(c + 8);
            out->channels = (int)le16(c + 10);
            out->rate = (long)le32(c + 12);
            bits = le16(c + 22);
            if (tag == 0xFFFE && chunk >= 26 && pos + 8 + 26 <= len)
                tag = le16(c + 32);
        } else if (memcmp(c, "data", 4) == 0) {
            data = chunk;
            break;
        }
        pos += 8 + chunk + (chunk & 1);
    }
    if (!have_fmt || !data || out->channels == 0 || bits == 0)
        return say(why, n,
                   "is damaged: no format and data chunks in its first %zu "
                   "bytes",
                   len);
    out->frames = (int64_t)(data * 8 / ((uint64_t)bits * out->channels));
    out->exact = tag == 1 || tag == 3 || tag == 6 || tag == 7;
    return true;
}

bool sniff_sound_head(const char *name, const unsigned char *head, size_t len,
                      uint64_t size, struct sniff_info *out, char *why,
                      size_t whylen)
{
    if (!format_of(name, head, len, out, why, whylen))
        return false;
    if (len < 64 || size < len)
        return say(why, whylen, "is cut short: %zu bytes", len);
    switch (out->format) {
    case SNIFF_WAV:
        return head_wav(head, len, size, out, why, whylen);
    case SNIFF_OGG: /* the first page: the stream's header */
        if (len < 28 + 19 || head[26] < 1 || (size_t)27 + head[26] + 19 > len)
            return say(why, whylen, "is damaged: its first Ogg page");
        if (memcmp(head + 27 + head[26], "\x01vorbis", 7) == 0 &&
            27 + (size_t)head[26] + 16 <= len) {
            out->channels = head[27 + head[26] + 11];
            out->rate = (long)le32(head + 27 + head[26] + 12);
        } else if (memcmp(head + 27 + head[26], "OpusHead", 8) == 0) {
            out->channels = head[27 + head[26] + 9];
            out->rate = 48000;
        } else {
            return say(why, whylen,
                       "holds Ogg data that is neither Vorbis nor Opus audio");
        }
        return true;
    case SNIFF_FLAC: /* STREAMINFO alone */
        return streaminfo(head + 4, be24(head + 5), out, why, whylen);
    default:
        return true;
    }
}

bool sniff_sound(const char *name, const unsigned char *buf, size_t len,
                 struct sniff_info *out, char *why, size_t whylen)
{
    if (!format_of(name, buf, len, out, why, whylen))
        return false;
    switch (out->format) {
    case SNIFF_WAV:
        return sniff_wav(buf, len, out, why, whylen);
    case SNIFF_OGG:
        return sniff_ogg(buf, len, out, why, whylen);
    case SNIFF_FLAC:
        return sniff_flac(buf, len, out, why, whylen);
    default: /* MP3 declares nothing dependable; a frame is longer */
        return len >= 12 ? true
                         : say(why, whylen,
                               "is cut short: %zu bytes, not even one MP3 "
                               "frame",
                               len);
    }
}
