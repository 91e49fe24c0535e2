#include "core/util/sha256.h"

#include "core/util/error.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <openssl/evp.h>

namespace mf {

namespace {

struct DigestContext
{
    DigestContext() : ctx(EVP_MD_CTX_new())
    {
        if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1)
            throw Error("SHA-256: cannot initialise OpenSSL digest");
    }
    ~DigestContext() { EVP_MD_CTX_free(ctx); }
    void update(const void *data, std::size_t size) { EVP_DigestUpdate(ctx, data, size); }
    std::string hex()
    {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx, digest.data(), &length);
        static const char *digits = "0123456789abcdef";
        std::string out;
        out.reserve(length * 2);
        for (unsigned int i = 0; i < length; ++i) {
            out.push_back(digits[digest[i] >> 4]);
            out.push_back(digits[digest[i] & 0xf]);
        }
        return out;
    }
    EVP_MD_CTX *ctx;
};

} // namespace

std::string sha256Hex(std::string_view bytes)
{
    DigestContext context;
    context.update(bytes.data(), bytes.size());
    return context.hex();
}

std::string sha256OfFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path, "", "cannot open for hashing");
    DigestContext context;
    std::array<char, 1 << 16> chunk{};
    while (in) {
        in.read(chunk.data(), chunk.size());
        context.update(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw DataError(path, "", "read error while hashing");
    return context.hex();
}

} // namespace mf
