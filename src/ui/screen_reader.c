/* screen_reader.c: whether the desktop says a screen reader is running
 * (GNOME's org.gnome.desktop.a11y.applications screen-reader-enabled),
 * asked of the gsettings tool, which reads the desktop's settings
 * wherever they are kept. Asked once, at a first start: no tool, no
 * answer within a second or anything but "true" means no. */
#include "screen_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

bool screen_reader_running(void)
{
    int fd[2];
    if (pipe(fd) != 0)
        return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, fd[0]);
    posix_spawn_file_actions_addclose(&fa, fd[1]);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY,
                                     0);
    char *argv[] = {"gsettings", "get", "org.gnome.desktop.a11y.applications",
                    "screen-reader-enabled", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "gsettings", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd[1]);
    if (rc != 0) {
        close(fd[0]);
        return false;
    }
    char out[64];
    size_t len = 0;
    struct pollfd p = {.fd = fd[0], .events = POLLIN};
    while (len + 1 < sizeof(out) && poll(&p, 1, 1000) == 1) {
        ssize_t n = read(fd[0], out + len, sizeof(out) - 1 - len);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    out[len] = '\0';
    close(fd[0]);
    kill(pid, SIGKILL); /* gone already, or too slow to wait for */
    waitpid(pid, NULL, 0);
    return strncmp(out, "true", 4) == 0;
}
