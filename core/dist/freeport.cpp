#include "core/dist/freeport.h"

#include "core/util/error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace mf {

int freeLoopbackPort()
{
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    if (socket < 0)
        throw Error(std::string("cannot open a socket to find a free port: ") +
                    std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool bound =
        ::bind(socket, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(socket, reinterpret_cast<sockaddr *>(&address), &length) == 0;
    const int error = errno;
    ::close(socket);
    if (!bound)
        throw Error(std::string("cannot find a free port on the loopback interface: ") +
                    std::strerror(error));
    return ntohs(address.sin_port);
}

} // namespace mf
