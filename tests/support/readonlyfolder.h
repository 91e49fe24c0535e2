#pragma once

#include <string>

namespace mf::testdata {

/// Makes a folder and the files in it unwritable for this process while it lives, the way a
/// read-only mount or a backup on a read-only medium is: permission bits for an ordinary user,
/// and the immutable attribute (chattr +i) for root, whom the bits do not stop. ok() says
/// whether it worked (a file system without the attribute leaves root able to write).
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(std::string dir);
    ~ReadOnlyFolder();
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    bool ok() const { return m_ok; }

private:
    void setImmutable(bool immutable) const;

    std::string m_dir;
    bool m_ok = false;
    bool m_immutable = false;
};

} // namespace mf::testdata
