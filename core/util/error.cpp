#include "core/util/error.h"

namespace mf {

namespace {
std::string compose(const std::string &file, const std::string &where, const std::string &reason)
{
    std::string message = file;
    if (!where.empty())
        message += ": " + where;
    message += ": " + reason;
    return message;
}
} // namespace

DataError::DataError(std::string file, std::string where, std::string reason)
    : Error(compose(file, where, reason)), m_file(std::move(file)), m_where(std::move(where)),
      m_reason(std::move(reason))
{
}

std::string DataError::atOffset(std::uint64_t offset) { return "offset " + std::to_string(offset); }

std::string DataError::atLine(std::uint64_t line) { return "line " + std::to_string(line); }

} // namespace mf
