#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace fcb {

QString installTranslations(const QString& language)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale); // dates, numbers and sizes follow the chosen language too
    if (translator->load(
            locale, QStringLiteral("fastcms-backup"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return translator->language();
    }
    // English plurals ("1 backup", "2 backups") come from the English translation.
    if (translator->load(QStringLiteral(":/i18n/fastcms-backup_en.qm"))) {
        QCoreApplication::installTranslator(translator);
        return QStringLiteral("en");
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace fcb
