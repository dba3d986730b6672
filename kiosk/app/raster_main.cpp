// kiosk-raster: the child process the kiosk draws its pictures in (platform/raster_worker). It
// reads requests on stdin, a socket from the kiosk, and ends when the kiosk closes it, dies, or
// asks nothing for a while. Its memory is capped, so a hostile picture ends this process only.
#include "kiosk/platform/raster_worker.h"

#include <csignal>
#include <cstdlib>
#include <sys/prctl.h>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlives the kiosk
    if (::getppid() == 1)
        return 0; // the kiosk died before we got here
        // A decode never needs more than the raster budget and a stored photo; 2 GiB of address
        // space leaves librsvg and GLib their reservations and stops a runaway allocation.
        // (Not under AddressSanitizer, whose shadow memory is terabytes of address space.)
#ifndef __SANITIZE_ADDRESS__
    rlimit memory { rlim_t { 2 } << 30, rlim_t { 2 } << 30 };
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    int idle_ms = argc > 1 ? std::atoi(argv[1]) : 15000;
    if (idle_ms <= 0 || idle_ms > 3'600'000)
        idle_ms = 15000;
    return kiosk::platform::serve_raster_requests(0, idle_ms);
}
