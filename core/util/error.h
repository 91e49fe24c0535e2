#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace mf {

/// Base of every error the engine reports to a user; what() is a complete, readable sentence.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Bad input data: names the file, where in it (offset, line or entry) and why.
class DataError : public Error
{
public:
    DataError(std::string file, std::string where, std::string reason);

    const std::string &file() const { return m_file; }
    const std::string &where() const { return m_where; }
    const std::string &reason() const { return m_reason; }

    static std::string atOffset(std::uint64_t offset);
    static std::string atLine(std::uint64_t line);

private:
    std::string m_file;
    std::string m_where;
    std::string m_reason;
};

/// A configuration or command that cannot be carried out as given.
class ConfigError : public Error
{
public:
    using Error::Error;
};

} // namespace mf
