#pragma once

#include <QString>

namespace fcb {

// Loads the embedded translation that best matches the user's languages (QLocale::uiLanguages),
// or `language` (e.g. "de") when given; English is the fallback. Returns the language used.
QString installTranslations(const QString& language = {});

} // namespace fcb
