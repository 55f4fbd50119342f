/* mp3_handle.c: the libmpg123 handle both MP3 paths use (mp3_handle.h). */
#include "mp3_handle.h"

#include <stdbool.h>

mpg123_handle *mp3_handle_new(void)
{
    int err = MPG123_OK;
    if (mpg123_init() != MPG123_OK) /* a no-op since libmpg123 1.27 */
        return NULL;
    mpg123_handle *mh = mpg123_new(NULL, &err);
    if (!mh)
        return NULL;
    long flags = MPG123_FORCE_FLOAT | MPG123_GAPLESS | MPG123_QUIET |
                 MPG123_NO_FRANKENSTEIN;
    if (mpg123_param(mh, MPG123_REMOVE_FLAGS, MPG123_AUTO_RESAMPLE, 0) ==
            MPG123_OK &&
        mpg123_param(mh, MPG123_ADD_FLAGS, flags, 0) == MPG123_OK)
        return mh;
    mpg123_delete(mh);
    return NULL;
}

int64_t mp3_handle_declared(mpg123_handle *mh)
{
    long padding = -1;
    double unused;
    off_t n = mpg123_length(mh);
    bool tagged = mpg123_getstate(mh, MPG123_ENC_PADDING, &padding, &unused) ==
                      MPG123_OK &&
                  padding >= 0;
    return tagged && n > 0 ? (int64_t)n : -1;
}
