#pragma once

#include <QtGlobal>

// The zip format's record signatures, markers and general-purpose flags (PKWARE's APPNOTE),
// for the writer and the strict reader alike.
namespace fcb::zipformat {

inline constexpr quint32 kLocalHeader = 0x04034b50;
inline constexpr quint32 kCentralHeader = 0x02014b50;
inline constexpr quint32 kEnd = 0x06054b50;
inline constexpr quint32 kZip64End = 0x06064b50;
inline constexpr quint32 kZip64Locator = 0x07064b50;
inline constexpr quint16 kZip64Extra = 0x0001;
inline constexpr quint32 kAllOnes = 0xffffffff; // a 32-bit field whose value is in the ZIP64 extra

namespace flag {
inline constexpr quint16 encrypted = 1 << 0;
inline constexpr quint16 dataDescriptor = 1 << 3; // CRC and sizes follow the data, not in the local header
inline constexpr quint16 patched = 1 << 5;
inline constexpr quint16 strongEncryption = 1 << 6;
inline constexpr quint16 utf8 = 1 << 11;
inline constexpr quint16 masked = 1 << 13; // local header values masked (central directory encryption)
} // namespace flag

} // namespace fcb::zipformat
