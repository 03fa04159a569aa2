<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>FcbApiCallText</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>This account needs a two-factor code to sign in.</source>
        <translation>Für die Anmeldung mit diesem Konto ist ein Zwei-Faktor-Code erforderlich.</translation>
    </message>
    <message>
        <source>The server redirected the request to another address (%1). It was not followed, so that your credentials stay with this server.</source>
        <translation>Der Server hat die Anfrage an eine andere Adresse umgeleitet (%1). Der Umleitung wurde nicht gefolgt, damit Ihre Zugangsdaten bei diesem Server bleiben.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests: retrying in %n s</source>
        <translation>
            <numerusform>Zu viele Anfragen: erneuter Versuch in %n s</numerusform>
            <numerusform>Zu viele Anfragen: erneuter Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is not an administrator.</source>
        <translation>Dieses Konto hat keine Administratorrechte.</translation>
    </message>
    <message>
        <source>Not signed in, or the session has expired. Sign in again.</source>
        <translation>Nicht angemeldet oder die Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Not found on the server: %1</source>
        <translation>Auf dem Server nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Too many requests: the server&apos;s rate limit is still exceeded. Try again later.</source>
        <translation>Zu viele Anfragen: Das Anfragelimit des Servers ist weiterhin überschritten. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation>Serverfehler: %1</translation>
    </message>
    <message>
        <source>Unexpected answer from the server (HTTP %1): %2</source>
        <translation>Unerwartete Antwort des Servers (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused.</source>
        <translation>Keine Verbindung zu %1 möglich: Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The server %1 was not found.</source>
        <translation>Der Server %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The request to %1 was aborted.</source>
        <translation>Die Anfrage an %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server %1 closed the connection in the middle of its answer.</source>
        <translation>Der Server %1 hat die Verbindung mitten in seiner Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed its TLS checks (%2). It was not used.</source>
        <translation>Die sichere Verbindung zu %1 hat die TLS-Prüfungen nicht bestanden (%2). Sie wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The API key was refused (unknown, revoked or not an administrator&apos;s).</source>
        <translation>Der API-Schlüssel wurde abgelehnt (unbekannt, widerrufen oder nicht der eines Administrators).</translation>
    </message>
    <message>
        <source>The server sent more than %1 for %2; the answer was dropped.</source>
        <translation>Der Server hat mehr als %1 für %2 gesendet; die Antwort wurde verworfen.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not JSON (%1 at byte %2). Is this the address of a FastCMS server?</source>
        <translation>Die Antwort des Servers ist kein JSON (%1 bei Byte %2). Ist das die Adresse eines FastCMS-Servers?</translation>
    </message>
</context>
<context>
    <name>FcbArchiveReaderText</name>
    <message>
        <source>%1 is not a readable zip archive (damaged or truncated).</source>
        <translation>%1 ist kein lesbares ZIP-Archiv (beschädigt oder unvollständig).</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Die Sicherung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The archive has no %1.</source>
        <translation>Im Archiv fehlt %1.</translation>
    </message>
    <message>
        <source>%1 in the archive is too large.</source>
        <translation>%1 im Archiv ist zu groß.</translation>
    </message>
    <message>
        <source>%1 in the archive is damaged.</source>
        <translation>%1 im Archiv ist beschädigt.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; appears twice.</source>
        <translation>Der Eintrag „%1“ kommt doppelt vor.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; has an absolute path.</source>
        <translation>Der Eintrag „%1“ hat einen absoluten Pfad.</translation>
    </message>
    <message>
        <source>An entry name contains a NUL character.</source>
        <translation>Ein Eintragsname enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; points outside the archive (&quot;..&quot;).</source>
        <translation>Der Eintrag „%1“ verweist aus dem Archiv heraus („..“).</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; is a symbolic link.</source>
        <translation>Der Eintrag „%1“ ist ein symbolischer Link.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; has an empty or &quot;.&quot; path component.</source>
        <translation>Der Pfad des Eintrags „%1“ enthält einen leeren Bestandteil oder „.“.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; does not belong in a FastCMS backup.</source>
        <translation>Der Eintrag „%1“ gehört nicht in eine FastCMS-Sicherung.</translation>
    </message>
    <message>
        <source>The archive has no database.db.</source>
        <translation>Im Archiv fehlt database.db.</translation>
    </message>
    <message>
        <source>The zip directory is readable.</source>
        <translation>Das ZIP-Inhaltsverzeichnis ist lesbar.</translation>
    </message>
    <message>
        <source>The archive holds only database.db, files/ and metadata.</source>
        <translation>Das Archiv enthält nur database.db, files/ und Metadaten.</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>%1 wird geprüft</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; cannot be read.</source>
        <translation>Der Eintrag „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; is damaged (CRC or size mismatch).</source>
        <translation>Der Eintrag „%1“ ist beschädigt (CRC oder Größe stimmt nicht überein).</translation>
    </message>
    <message>
        <source>Every entry matches its CRC.</source>
        <translation>Alle Einträge stimmen mit ihrer CRC-Prüfsumme überein.</translation>
    </message>
    <message>
        <source>SHA256SUMS is malformed.</source>
        <translation>SHA256SUMS ist fehlerhaft formatiert.</translation>
    </message>
    <message>
        <source>SHA256SUMS lists &quot;%1&quot;, which the archive lacks.</source>
        <translation>SHA256SUMS führt „%1“ auf, doch dieser Eintrag fehlt im Archiv.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not match its SHA-256 checksum.</source>
        <translation>„%1“ stimmt nicht mit seiner SHA-256-Prüfsumme überein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not covered by SHA256SUMS.</source>
        <translation>„%1“ ist in SHA256SUMS nicht aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>All %n SHA-256 checksums match.</source>
        <translation>
            <numerusform>%n SHA-256-Prüfsumme stimmt überein.</numerusform>
            <numerusform>Alle %n SHA-256-Prüfsummen stimmen überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>No SHA256SUMS (as in archives written by FastCMS itself): contents were checked against the zip CRCs only.</source>
        <translation>Keine SHA256SUMS (wie bei Archiven, die FastCMS selbst erstellt): Der Inhalt wurde nur anhand der ZIP-CRCs geprüft.</translation>
    </message>
    <message>
        <source>database.db passes SQLite&apos;s integrity check.</source>
        <translation>database.db besteht die Integritätsprüfung von SQLite.</translation>
    </message>
    <message>
        <source>database.db fails SQLite&apos;s integrity check: %1</source>
        <translation>database.db besteht die Integritätsprüfung von SQLite nicht: %1</translation>
    </message>
    <message>
        <source>database.db is not a healthy SQLite database (%1).</source>
        <translation>database.db ist keine intakte SQLite-Datenbank (%1).</translation>
    </message>
    <message>
        <source>metadata.json is sound (created %1).</source>
        <translation>metadata.json ist in Ordnung (erstellt: %1).</translation>
    </message>
    <message>
        <source>No metadata.json: the backup&apos;s time comes from its name.</source>
        <translation>Keine metadata.json: Der Zeitpunkt der Sicherung wird aus ihrem Namen ermittelt.</translation>
    </message>
    <message>
        <source>checking the database</source>
        <translation>die Prüfung der Datenbank</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; lies inside &quot;%2&quot;, which is a file.</source>
        <translation>Der Eintrag „%1“ liegt in „%2“, das eine Datei ist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is both a file and a folder.</source>
        <translation>„%1“ ist zugleich Datei und Ordner.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; is encrypted, which FastCMS backups never are.</source>
        <translation>Der Eintrag „%1“ ist verschlüsselt, was FastCMS-Sicherungen nie sind.</translation>
    </message>
    <message>
        <source>The name of an entry is marked as UTF-8 but is not valid UTF-8.</source>
        <translation>Der Name eines Eintrags ist als UTF-8 gekennzeichnet, ist aber kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; does not match its local header.</source>
        <translation>Der Eintrag „%1“ stimmt nicht mit seinem lokalen Header überein.</translation>
    </message>
    <message>
        <source>The zip structure is damaged.</source>
        <translation>Die ZIP-Struktur ist beschädigt.</translation>
    </message>
    <message>
        <source>The zip structure of the entry &quot;%1&quot; is damaged.</source>
        <translation>Die ZIP-Struktur des Eintrags „%1“ ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 is not a valid backup archive: %2</source>
        <translation>%1 ist kein gültiges Sicherungsarchiv: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>FcbArchiveWriterText</name>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not add %1 to the archive.</source>
        <translation>%1 konnte nicht zum Archiv hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not write %1 into the archive.</source>
        <translation>%1 konnte nicht in das Archiv geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not finish the archive %1.</source>
        <translation>Das Archiv %1 konnte nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Could not write %1 to disk.</source>
        <translation>%1 konnte nicht auf den Datenträger geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not compress %1.</source>
        <translation>%1 konnte nicht komprimiert werden.</translation>
    </message>
</context>
<context>
    <name>FcbBackendText</name>
    <message>
        <source>This kind of backend does not offer that operation.</source>
        <translation>Diese Art von Backend bietet diesen Vorgang nicht an.</translation>
    </message>
</context>
<context>
    <name>FcbBackupNameText</name>
    <message>
        <source>No backup name was given.</source>
        <translation>Es wurde kein Sicherungsname angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name: it contains a path separator.</source>
        <translation>„%1“ ist kein einfacher Sicherungsname: Er enthält ein Pfadtrennzeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name: it contains &quot;..&quot;.</source>
        <translation>„%1“ ist kein einfacher Sicherungsname: Er enthält „..“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a backup name: it is a hidden file.</source>
        <translation>„%1“ ist kein Sicherungsname: Es handelt sich um eine versteckte Datei.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name.</source>
        <translation>„%1“ ist kein einfacher Sicherungsname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a backup name: backups end in &quot;.zip&quot;.</source>
        <translation>„%1“ ist kein Sicherungsname: Sicherungen enden auf „.zip“.</translation>
    </message>
</context>
<context>
    <name>FcbBrowseText</name>
    <message>
        <source>absolute path</source>
        <translation>absoluter Pfad</translation>
    </message>
    <message>
        <source>points outside the archive (&quot;..&quot;)</source>
        <translation>zeigt aus dem Archiv hinaus („..“)</translation>
    </message>
    <message>
        <source>appears more than once</source>
        <translation>kommt mehrfach vor</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>symbolischer Link</translation>
    </message>
    <message>
        <source>NUL character in the name</source>
        <translation>NUL-Zeichen im Namen</translation>
    </message>
    <message>
        <source>empty or &quot;.&quot; path component</source>
        <translation>leerer Pfadbestandteil oder „.“</translation>
    </message>
    <message>
        <source>lies inside &quot;%1&quot;, which is a file</source>
        <translation>liegt in „%1“, das eine Datei ist</translation>
    </message>
    <message>
        <source>not part of a FastCMS backup</source>
        <translation>gehört nicht in eine FastCMS-Sicherung</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 holds encrypted entries, which no FastCMS backup has.</source>
        <translation>%1 enthält verschlüsselte Einträge, die keine FastCMS-Sicherung hat.</translation>
    </message>
    <message>
        <source>%1 is not a readable zip archive (damaged or cut short).</source>
        <translation>%1 ist kein lesbares ZIP-Archiv (beschädigt oder abgeschnitten).</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Die Sicherung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is damaged; nothing of it was kept.</source>
        <translation>Der Eintrag „%1“ in %2 ist beschädigt; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>SHA256SUMS in %1 is malformed.</source>
        <translation>SHA256SUMS in %1 ist fehlerhaft.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; nothing is written through one.</source>
        <translation>%1 ist ein symbolischer Link; durch einen solchen wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 is in the way: it should be a folder.</source>
        <translation>%1 steht im Weg: Dort sollte ein Ordner sein.</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1 konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 does not match its SHA-256 checksum; nothing of it was kept.</source>
        <translation>Der Eintrag „%1“ in %2 passt nicht zu seiner SHA-256-Prüfsumme; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not extracted: %3.</source>
        <translation>Der Eintrag „%1“ in %2 wird nicht entpackt: %3.</translation>
    </message>
    <message>
        <source>%1 is not in the backup %2.</source>
        <translation>%1 ist nicht in der Sicherung %2.</translation>
    </message>
    <message>
        <source>%1 is a folder; no file is written over it.</source>
        <translation>%1 ist ein Ordner; keine Datei wird darüber geschrieben.</translation>
    </message>
    <message>
        <source>%1 already exists; nothing was extracted. Use --force to replace it.</source>
        <translation>%1 existiert bereits; nichts wurde entpackt. Mit --force wird die Datei ersetzt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other file(s) already exist; nothing was extracted. Use --force to replace them.</source>
        <translation>
            <numerusform>%1 und %n weitere Datei existieren bereits; nichts wurde entpackt. Mit --force werden sie ersetzt.</numerusform>
            <numerusform>%1 und %n weitere Dateien existieren bereits; nichts wurde entpackt. Mit --force werden sie ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no path inside a backup (such as files/photos/).</source>
        <translation>„%1“ ist kein Pfad in einer Sicherung (etwa files/photos/).</translation>
    </message>
    <message>
        <source>Name at least one file or folder to extract.</source>
        <translation>Nennen Sie mindestens eine Datei oder einen Ordner zum Entpacken.</translation>
    </message>
    <message>
        <source>Could not find a free name to keep %1 under.</source>
        <translation>Es fand sich kein freier Name, unter dem %1 aufbewahrt werden könnte.</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not restored: %3.</source>
        <translation>Der Eintrag „%1“ in %2 wird nicht wiederhergestellt: %3.</translation>
    </message>
    <message>
        <source>%1 is a folder; restore-file puts back one file.</source>
        <translation>%1 ist ein Ordner; restore-file stellt eine einzelne Datei wieder her.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Extracting %1</source>
        <translation>Entpacke %1</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>Stelle %1 wieder her</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>%1 is not an upload: give its path in the backup, such as files/photos/a.jpg.</source>
        <translation>%1 ist keine hochgeladene Datei: Geben Sie ihren Pfad in der Sicherung an, etwa files/photos/a.jpg.</translation>
    </message>
    <message>
        <source>%1 holds %2 twice.</source>
        <translation>%1 enthält %2 doppelt.</translation>
    </message>
    <message>
        <source>%1 holds no %2.</source>
        <translation>%1 enthält kein %2.</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 in %2: %3</translation>
    </message>
</context>
<context>
    <name>FcbDemoDataText</name>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not create the demo folder %1.</source>
        <translation>Der Demo-Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>FcbDiffText</name>
    <message numerus="yes">
        <source>%1… (%n bytes)</source>
        <translation>
            <numerusform>%1… (%n Byte)</numerusform>
            <numerusform>%1… (%n Bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>blob of %n bytes: %1</source>
        <translation>
            <numerusform>Blob mit %n Byte: %1</numerusform>
            <numerusform>Blob mit %n Bytes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The live database could not be read.</source>
        <translation>Die Live-Datenbank konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>A backup&apos;s database could not be read.</source>
        <translation>Die Datenbank einer Sicherung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Neither side has a table named %1.</source>
        <translation>Keine der beiden Seiten hat eine Tabelle namens %1.</translation>
    </message>
    <message>
        <source>Comparing table %1</source>
        <translation>Tabelle %1 wird verglichen</translation>
    </message>
    <message>
        <source>Reading the live uploads</source>
        <translation>Die Live-Uploads werden gelesen</translation>
    </message>
    <message>
        <source>Could not read the live upload %1.</source>
        <translation>Der Live-Upload %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 holds no database.</source>
        <translation>%1 enthält keine Datenbank.</translation>
    </message>
    <message>
        <source>There is no live database at %1 to compare with.</source>
        <translation>Unter %1 gibt es keine Live-Datenbank zum Vergleichen.</translation>
    </message>
</context>
<context>
    <name>FcbDownloadJobText</name>
    <message>
        <source>%1 already exists; choose another place.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cancelled; the partial download is kept for resuming.</source>
        <translation>Abgebrochen; der unvollständige Download bleibt zum Fortsetzen erhalten.</translation>
    </message>
    <message>
        <source>Backup not found on the server.</source>
        <translation>Die Sicherung wurde auf dem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>The download stopped after %1 (%2). Run it again to resume.</source>
        <translation>Der Download wurde nach %1 unterbrochen (%2). Führen Sie ihn erneut aus, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>The server answered the download with something that is not a zip archive.</source>
        <translation>Der Server hat auf den Download mit etwas geantwortet, das kein ZIP-Archiv ist.</translation>
    </message>
    <message>
        <source>The downloaded %1 failed verification: %2</source>
        <translation>Die heruntergeladene Datei %1 hat die Prüfung nicht bestanden: %2</translation>
    </message>
    <message>
        <source>The server sent more than %1 for its refusal to send %2; the answer was dropped.</source>
        <translation>Der Server hat mehr als %1 für seine Weigerung gesendet, %2 zu senden; die Antwort wurde verworfen.</translation>
    </message>
    <message>
        <source>the download of %1</source>
        <translation>den Download von %1</translation>
    </message>
    <message>
        <source>The server sent more than the %1 it declared for %2; the download was dropped.</source>
        <translation>Der Server hat mehr als die angekündigten %1 für %2 gesendet; der Download wurde verworfen.</translation>
    </message>
    <message>
        <source>The server sent more than %1 for %2 without saying how much would come, and only %3 was left free in %4; the partial download was removed.</source>
        <translation>Der Server hat mehr als %1 für %2 gesendet, ohne die Größe anzukündigen, und in %4 waren nur noch %3 frei; der unvollständige Download wurde entfernt.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>FcbDrillText</name>
    <message numerus="yes">
        <source>%n foreign key violation(s) in %1.</source>
        <translation>
            <numerusform>%n Fremdschlüsselverletzung in %1.</numerusform>
            <numerusform>%n Fremdschlüsselverletzungen in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table %1 could not be read.</source>
        <translation>Die Tabelle %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The restore drill</source>
        <translation>Die Wiederherstellungsprobe</translation>
    </message>
    <message>
        <source>Checking foreign keys and counting rows</source>
        <translation>Fremdschlüssel werden geprüft und Zeilen gezählt</translation>
    </message>
    <message numerus="yes">
        <source>Restores: %n table(s), %1 rows, %2 files</source>
        <translation>
            <numerusform>Wiederherstellbar: %n Tabelle, %1 Zeilen, %2 Dateien</numerusform>
            <numerusform>Wiederherstellbar: %n Tabellen, %1 Zeilen, %2 Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbExportText</name>
    <message>
        <source>The backup&apos;s database has no table named %1.</source>
        <translation>Die Datenbank der Sicherung hat keine Tabelle namens %1.</translation>
    </message>
    <message>
        <source>%1 has a key of %2 columns; --key takes the values of a single-column key.</source>
        <translation>%1 hat einen Schlüssel aus %2 Spalten; --key nimmt die Werte eines einspaltigen Schlüssels.</translation>
    </message>
    <message>
        <source>The backup&apos;s database could not be read.</source>
        <translation>Die Datenbank der Sicherung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Name the table to export (--table).</source>
        <translation>Nennen Sie die zu exportierende Tabelle (--table).</translation>
    </message>
    <message>
        <source>%1 holds no database.</source>
        <translation>%1 enthält keine Datenbank.</translation>
    </message>
</context>
<context>
    <name>FcbFileLockText</name>
    <message>
        <source>%1 is locked by another process.</source>
        <translation>%1 ist von einem anderen Prozess gesperrt.</translation>
    </message>
    <message>
        <source>Could not open the lock file %1</source>
        <translation>Die Sperrdatei %1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not lock %1</source>
        <translation>%1 konnte nicht gesperrt werden</translation>
    </message>
    <message>
        <source>Cancelled while waiting for %1.</source>
        <translation>Beim Warten auf %1 abgebrochen.</translation>
    </message>
</context>
<context>
    <name>FcbFileUtilText</name>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Not enough free space for %1 in %2: %3 needed, %4 available.</source>
        <translation>Nicht genügend freier Speicherplatz für %1 in %2: %3 benötigt, %4 verfügbar.</translation>
    </message>
    <message>
        <source>%1 is damaged; it was left as it is.</source>
        <translation>%1 ist beschädigt; die Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>the system gave no reason</source>
        <translation>das System nannte keinen Grund</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Could not open %1 to flush it to disk</source>
        <translation>%1 konnte zum Schreiben auf den Datenträger nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk</source>
        <translation>%1 konnte nicht auf den Datenträger geschrieben werden</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2</source>
        <translation>%1 konnte nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>Could not swap %1 and %2</source>
        <translation>%1 und %2 konnten nicht vertauscht werden</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not create the folder %1</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Could not restrict access to %1</source>
        <translation>Der Zugriff auf %1 konnte nicht eingeschränkt werden</translation>
    </message>
    <message>
        <source>Could not remove the folder %1</source>
        <translation>Der Ordner %1 konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not link %1 to %2</source>
        <translation>%1 konnte nicht nach %2 verknüpft werden</translation>
    </message>
</context>
<context>
    <name>FcbLocalEngineText</name>
    <message>
        <source>There is no database at %1.</source>
        <translation>Unter %1 befindet sich keine Datenbank.</translation>
    </message>
    <message>
        <source>the backup</source>
        <translation>die Sicherung</translation>
    </message>
    <message>
        <source>Creating backup</source>
        <translation>Sicherung wird erstellt</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Pages start at 1 and hold 1 to 1000 backups.</source>
        <translation>Seiten beginnen bei 1 und enthalten 1 bis 1000 Sicherungen.</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Die Sicherung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is staged for restore. Unstage the restore before deleting it.</source>
        <translation>%1 ist zur Wiederherstellung vorgemerkt. Heben Sie die Vormerkung auf, bevor Sie die Sicherung löschen.</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>%1 konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>An earlier restore was interrupted. Run apply-restore to finish it, or apply-restore --abandon to undo it.</source>
        <translation>Eine frühere Wiederherstellung wurde unterbrochen. Führen Sie apply-restore aus, um sie abzuschließen, oder apply-restore --abandon, um sie rückgängig zu machen.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another place.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation>%1 wird kopiert</translation>
    </message>
    <message>
        <source>Verifying the copy</source>
        <translation>Kopie wird geprüft</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is not a sound backup: %2</source>
        <translation>%1 ist keine intakte Sicherung: %2</translation>
    </message>
    <message>
        <source>%1 is already in the backups folder.</source>
        <translation>%1 liegt bereits im Sicherungsordner.</translation>
    </message>
    <message>
        <source>The database snapshot failed.</source>
        <translation>Der Datenbank-Schnappschuss ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The data folder %1 does not exist. Check the path (--data-dir).</source>
        <translation>Der Datenordner %1 existiert nicht. Prüfen Sie den Pfad (--data-dir).</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1 konnte nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>FcbMetadataText</name>
    <message>
        <source>metadata.json is not a JSON object.</source>
        <translation>metadata.json ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>metadata.json has no created_at time.</source>
        <translation>metadata.json enthält keine created_at-Zeitangabe.</translation>
    </message>
    <message>
        <source>metadata.json has an unreadable created_at time: %1</source>
        <translation>metadata.json enthält eine nicht lesbare created_at-Zeitangabe: %1</translation>
    </message>
</context>
<context>
    <name>FcbOffsiteText</name>
    <message>
        <source>rclone is not installed; install it (Debian: apt install rclone) for off-site copies.</source>
        <translation>rclone ist nicht installiert; installieren Sie es (Debian: apt install rclone) für auswärtige Kopien.</translation>
    </message>
    <message>
        <source>rclone could not be started.</source>
        <translation>rclone konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>rclone exited with code %1.</source>
        <translation>rclone endete mit Code %1.</translation>
    </message>
    <message>
        <source>Name an off-site target: an rclone remote and folder such as &quot;s3:bucket/fastcms&quot;, or a local folder.</source>
        <translation>Geben Sie ein auswärtiges Ziel an: ein rclone-Remote mit Ordner wie „s3:bucket/fastcms“ oder einen lokalen Ordner.</translation>
    </message>
    <message>
        <source>The off-site target is a folder, not a file: %1</source>
        <translation>Das auswärtige Ziel ist ein Ordner, keine Datei: %1</translation>
    </message>
    <message>
        <source>Listing off-site copies</source>
        <translation>Auswärtige Kopien werden aufgelistet</translation>
    </message>
    <message>
        <source>The off-site copies could not be listed.</source>
        <translation>Die auswärtigen Kopien konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 liegt nicht auf %2.</translation>
    </message>
    <message>
        <source>%1 could not be looked up on %2.</source>
        <translation>%1 konnte auf %2 nicht nachgeschlagen werden.</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Die Sicherung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 already exists on %2 with different contents (%3, here %4); it was left as it is.</source>
        <translation>%1 existiert auf %2 bereits mit anderem Inhalt (%3, hier %4); die Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Copying %1 off-site</source>
        <translation>%1 wird auswärts kopiert</translation>
    </message>
    <message>
        <source>%1 could not be copied to %2.</source>
        <translation>%1 konnte nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>%1 wird geholt</translation>
    </message>
    <message>
        <source>%1 could not be fetched from %2.</source>
        <translation>%1 konnte nicht von %2 geholt werden.</translation>
    </message>
    <message>
        <source>%1 could not be deleted from %2.</source>
        <translation>%1 konnte auf %2 nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Put no parameters in the off-site target (%1): define a remote with &apos;rclone config&apos; (or RCLONE_CONFIG_&lt;NAME&gt;_… variables) and name it here, such as &quot;vault:fastcms&quot;.</source>
        <translation>Geben Sie im auswärtigen Ziel (%1) keine Parameter an: legen Sie mit &apos;rclone config&apos; (oder RCLONE_CONFIG_&lt;NAME&gt;_…-Variablen) ein Remote an und nennen Sie es hier, etwa „vault:fastcms“.</translation>
    </message>
    <message>
        <source>The off-site target contains a control character.</source>
        <translation>Das auswärtige Ziel enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>%1 appeared on %2 while it was being copied; the file there was left as it is.</source>
        <translation>%1 ist auf %2 erschienen, während kopiert wurde; die Datei dort blieb unverändert.</translation>
    </message>
    <message>
        <source>The copy of %1 on %2 could not be confirmed; run offsite push again to check it.</source>
        <translation>Die Kopie von %1 auf %2 konnte nicht bestätigt werden; führen Sie offsite push erneut aus, um sie zu prüfen.</translation>
    </message>
</context>
<context>
    <name>FcbOperationLockText</name>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (Prozess %2)</translation>
    </message>
    <message numerus="yes">
        <source>Busy: %1 was still working on this data folder after waiting %n second(s).</source>
        <translation>
            <numerusform>Beschäftigt: %1 arbeitete nach %n Sekunde Wartezeit noch an diesem Datenordner.</numerusform>
            <numerusform>Beschäftigt: %1 arbeitete nach %n Sekunden Wartezeit noch an diesem Datenordner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Busy: %1 is already working on this data folder. Try again when it has finished, or wait for it with --wait-lock.</source>
        <translation>Beschäftigt: %1 arbeitet bereits an diesem Datenordner. Versuchen Sie es erneut, wenn er fertig ist, oder warten Sie mit --wait-lock darauf.</translation>
    </message>
</context>
<context>
    <name>FcbRemoteBackendText</name>
    <message>
        <source>Pages start at 1 and hold 1 to 1000 backups.</source>
        <translation>Seiten beginnen bei 1 und enthalten 1 bis 1000 Sicherungen.</translation>
    </message>
    <message>
        <source>Backup not found on the server.</source>
        <translation>Die Sicherung wurde auf dem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>The server could not stage the restore: %1</source>
        <translation>Der Server konnte die Wiederherstellung nicht vormerken: %1</translation>
    </message>
    <message>
        <source>FastCMS offers no way to cancel a staged restore through its API: the server will apply it when it restarts.</source>
        <translation>FastCMS bietet über seine API keine Möglichkeit, eine vorgemerkte Wiederherstellung aufzuheben: Der Server wendet sie bei seinem Neustart an.</translation>
    </message>
    <message>
        <source>This server does not offer downloads.</source>
        <translation>Dieser Server bietet keine Downloads an.</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>This server does not accept uploads.</source>
        <translation>Dieser Server nimmt keine Uploads an.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server refused to delete it: %1</source>
        <translation>Der Server hat das Löschen abgelehnt: %1</translation>
    </message>
    <message>
        <source>No staged restore is remembered for this server.</source>
        <translation>Für diesen Server ist keine vorgemerkte Wiederherstellung gespeichert.</translation>
    </message>
    <message>
        <source>the name holds control or invisible characters</source>
        <translation>der Name enthält Steuer- oder unsichtbare Zeichen</translation>
    </message>
    <message>
        <source>the name is longer than a file name can be</source>
        <translation>der Name ist länger, als ein Dateiname sein kann</translation>
    </message>
    <message>
        <source>Refused before asking the server: %1.</source>
        <translation>Abgelehnt, ohne den Server zu fragen: %1.</translation>
    </message>
    <message>
        <source>the server gives an impossible size (%1)</source>
        <translation>der Server nennt eine unmögliche Größe (%1)</translation>
    </message>
    <message>
        <source>the server gives a creation time that is no date (%1)</source>
        <translation>der Server nennt eine Erstellungszeit, die kein Datum ist (%1)</translation>
    </message>
    <message>
        <source>the server dates it in the future (%1)</source>
        <translation>der Server datiert sie in die Zukunft (%1)</translation>
    </message>
    <message>
        <source>the server reports it as %1, not completed</source>
        <translation>der Server meldet sie als %1, nicht als abgeschlossen</translation>
    </message>
    <message>
        <source>the list of the server&apos;s routes</source>
        <translation>die Liste der Routen des Servers</translation>
    </message>
    <message>
        <source>The server sent more than %1 for the upload&apos;s answer; the answer was dropped.</source>
        <translation>Der Server hat mehr als %1 als Antwort auf den Upload gesendet; die Antwort wurde verworfen.</translation>
    </message>
    <message>
        <source>the list of backups</source>
        <translation>die Liste der Sicherungen</translation>
    </message>
    <message>
        <source>the new backup</source>
        <translation>die neue Sicherung</translation>
    </message>
    <message>
        <source>the deletion</source>
        <translation>das Löschen</translation>
    </message>
    <message>
        <source>the restore request</source>
        <translation>die Anforderung der Wiederherstellung</translation>
    </message>
    <message>
        <source>A server&apos;s live data cannot be read through its API; compare two of its backups instead.</source>
        <translation>Die Live-Daten eines Servers sind über seine API nicht lesbar; vergleichen Sie stattdessen zwei seiner Sicherungen.</translation>
    </message>
</context>
<context>
    <name>FcbRemoteSessionText</name>
    <message>
        <source>This FastCMS server has not been set up yet: open its admin page and create the first administrator, then sign in.</source>
        <translation>Dieser FastCMS-Server wurde noch nicht eingerichtet: Öffnen Sie seine Administrationsseite, legen Sie den ersten Administrator an und melden Sie sich dann an.</translation>
    </message>
    <message>
        <source>Sign-in failed: wrong email or password.</source>
        <translation>Anmeldung fehlgeschlagen: falsche E-Mail-Adresse oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Sign-in failed: wrong email, password or two-factor code.</source>
        <translation>Anmeldung fehlgeschlagen: falsche E-Mail-Adresse, falsches Passwort oder falscher Zwei-Faktor-Code.</translation>
    </message>
    <message>
        <source>Sign-in failed: the two-factor code was not accepted.</source>
        <translation>Anmeldung fehlgeschlagen: Der Zwei-Faktor-Code wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>This account is not an administrator.</source>
        <translation>Dieses Konto hat keine Administratorrechte.</translation>
    </message>
    <message>
        <source>The server accepted the sign-in but sent no token.</source>
        <translation>Der Server hat die Anmeldung akzeptiert, aber kein Token gesendet.</translation>
    </message>
    <message>
        <source>The access token was refused (expired or revoked). Sign in again.</source>
        <translation>Das Zugriffstoken wurde abgelehnt (abgelaufen oder widerrufen). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session has expired and could not be renewed. Sign in again.</source>
        <translation>Die Sitzung ist abgelaufen und konnte nicht erneuert werden. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This account needs a two-factor code to sign in.</source>
        <translation>Dieses Konto benötigt zur Anmeldung einen Zwei-Faktor-Code.</translation>
    </message>
    <message>
        <source>the setup check</source>
        <translation>die Prüfung der Einrichtung</translation>
    </message>
    <message>
        <source>the sign-in</source>
        <translation>die Anmeldung</translation>
    </message>
    <message>
        <source>the session&apos;s renewal</source>
        <translation>die Erneuerung der Sitzung</translation>
    </message>
</context>
<context>
    <name>FcbRestoreApplierText</name>
    <message>
        <source>Could not remove the restore journal.</source>
        <translation>Das Wiederherstellungsjournal konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Both %1 and %2 exist; the restore cannot tell which is which.</source>
        <translation>Sowohl %1 als auch %2 existieren; die Wiederherstellung kann sie nicht eindeutig zuordnen.</translation>
    </message>
    <message>
        <source>The restore of %1 is marked as staged, but the staged files are missing. Unstage it and stage the backup again.</source>
        <translation>Die Wiederherstellung von %1 ist vorgemerkt, aber die vorgemerkten Dateien fehlen. Heben Sie die Vormerkung auf und merken Sie die Sicherung erneut vor.</translation>
    </message>
    <message>
        <source>The database is open in another process (%1). Stop the FastCMS server before applying a restore.</source>
        <translation>Die Datenbank ist in einem anderen Prozess geöffnet (%1). Beenden Sie den FastCMS-Server, bevor Sie eine Wiederherstellung anwenden.</translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation>unbekannter Prozess</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>Checking the staged database</source>
        <translation>Vorgemerkte Datenbank wird geprüft</translation>
    </message>
    <message>
        <source>The staged database is not healthy; nothing was changed.</source>
        <translation>Die vorgemerkte Datenbank ist nicht intakt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>the restored data</source>
        <translation>die wiederhergestellten Daten</translation>
    </message>
    <message>
        <source>Folding the old database&apos;s WAL into it</source>
        <translation>WAL der bisherigen Datenbank wird übernommen</translation>
    </message>
    <message>
        <source>Preparing the restored database and files</source>
        <translation>Wiederhergestellte Datenbank und Dateien werden vorbereitet</translation>
    </message>
    <message>
        <source>Preparing the safety copies</source>
        <translation>Sicherheitskopien werden vorbereitet</translation>
    </message>
    <message>
        <source>Swapping in the restored data</source>
        <translation>Wiederhergestellte Daten werden eingesetzt</translation>
    </message>
    <message>
        <source>Restore applied</source>
        <translation>Wiederherstellung angewendet</translation>
    </message>
    <message>
        <source>No interrupted restore to abandon.</source>
        <translation>Es gibt keine unterbrochene Wiederherstellung, die rückgängig gemacht werden könnte.</translation>
    </message>
    <message>
        <source>The restore could not finish (%1) nor be undone (%2). Run apply-restore again to complete it.</source>
        <translation>Die Wiederherstellung konnte weder abgeschlossen (%1) noch rückgängig gemacht werden (%2). Führen Sie apply-restore erneut aus, um sie abzuschließen.</translation>
    </message>
    <message>
        <source>The restore failed and was undone: %1</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen und wurde rückgängig gemacht: %1</translation>
    </message>
</context>
<context>
    <name>FcbRestoreStagerText</name>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Die Sicherung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>the extracted backup</source>
        <translation>die entpackte Sicherung</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not remove the previous restore marker.</source>
        <translation>Die vorherige Wiederherstellungsmarkierung konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>No restore is staged.</source>
        <translation>Es ist keine Wiederherstellung vorgemerkt.</translation>
    </message>
    <message>
        <source>Could not remove the restore marker.</source>
        <translation>Die Wiederherstellungsmarkierung konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not write the extracted backup.</source>
        <translation>Die entpackte Sicherung konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>FcbRetentionText</name>
    <message>
        <source>newest</source>
        <translation>neueste</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>letzte %1</translation>
    </message>
    <message>
        <source>daily %1</source>
        <translation>täglich %1</translation>
    </message>
    <message>
        <source>weekly %1</source>
        <translation>wöchentlich %1</translation>
    </message>
    <message>
        <source>monthly %1</source>
        <translation>monatlich %1</translation>
    </message>
    <message>
        <source>yearly %1</source>
        <translation>jährlich %1</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>staged for restore</source>
        <translation>zur Wiederherstellung vorgemerkt</translation>
    </message>
    <message>
        <source>not a valid backup: left alone</source>
        <translation>keine gültige Sicherung: unberührt</translation>
    </message>
</context>
<context>
    <name>FcbScheduleText</name>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>crontab is not installed (Debian: apt install cron); use the systemd timer instead.</source>
        <translation>crontab ist nicht installiert (Debian: apt install cron); verwenden Sie stattdessen den systemd-Timer.</translation>
    </message>
    <message>
        <source>crontab -l did not answer.</source>
        <translation>crontab -l hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>crontab refused the new line.</source>
        <translation>crontab hat die neue Zeile abgelehnt.</translation>
    </message>
    <message>
        <source>An argument of the schedule contains a control character: %1</source>
        <translation>Ein Argument des Zeitplans enthält ein Steuerzeichen: %1</translation>
    </message>
    <message>
        <source>cron cannot pass a percent sign safely (%1); use the systemd timer.</source>
        <translation>cron kann kein Prozentzeichen sicher weitergeben (%1); verwenden Sie den systemd-Timer.</translation>
    </message>
    <message>
        <source>Your crontab could not be read; it was left as it is.</source>
        <translation>Ihre crontab konnte nicht gelesen werden; sie blieb unverändert.</translation>
    </message>
    <message>
        <source>System units go to %1, which you cannot write to. Run this command as root (sudo), or without --system for units of your own.</source>
        <translation>System-Units gehören nach %1, wo Sie nicht schreiben dürfen. Führen Sie diesen Befehl als root aus (sudo), oder ohne --system für eigene Units.</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>systemctl is not installed</source>
        <translation>systemctl ist nicht installiert</translation>
    </message>
    <message>
        <source>loginctl is not installed</source>
        <translation>loginctl ist nicht installiert</translation>
    </message>
</context>
<context>
    <name>FcbSqliteText</name>
    <message>
        <source>Could not open the database %1.</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The database refused a command.</source>
        <translation>Die Datenbank hat einen Befehl abgelehnt.</translation>
    </message>
    <message>
        <source>The database could not be read.</source>
        <translation>Die Datenbank konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>Die Datenbank %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a readable SQLite database.</source>
        <translation>%1 ist keine lesbare SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>Could not start the database snapshot.</source>
        <translation>Der Datenbank-Schnappschuss konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Copying the database</source>
        <translation>Datenbank wird kopiert</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The database is not an SQLite database.</source>
        <translation>Die Datenbank ist keine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Die Datenbank konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The database is damaged.</source>
        <translation>Die Datenbank ist beschädigt.</translation>
    </message>
    <message>
        <source>The database snapshot to %1 failed</source>
        <translation>Der Datenbank-Schnappschuss nach %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The database snapshot failed: %1.</source>
        <translation>Der Datenbank-Schnappschuss ist fehlgeschlagen: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1; and %n more problem(s)</source>
        <translation>
            <numerusform>%1; und %n weiteres Problem</numerusform>
            <numerusform>%1; und %n weitere Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>&lt;h3&gt;Important backup information&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Restoring a backup will &lt;b&gt;overwrite&lt;/b&gt; your current database and uploaded files.&lt;/li&gt;&lt;li&gt;Always create a backup before performing major operations.&lt;/li&gt;&lt;li&gt;Store backups in a secure location separate from your server.&lt;/li&gt;&lt;li&gt;Test your backups regularly to ensure they can be restored: &lt;i&gt;Verify&lt;/i&gt; checks one end to end.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;What gets backed up&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;The database (&lt;tt&gt;app.db&lt;/tt&gt;), as a consistent snapshot even while the server writes&lt;/li&gt;&lt;li&gt;Uploaded files in &lt;tt&gt;data/files/&lt;/tt&gt;&lt;/li&gt;&lt;li&gt;Backup metadata (time, app version) and SHA-256 checksums&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;How a restore works&lt;/h3&gt;&lt;p&gt;A restore is &lt;i&gt;staged&lt;/i&gt; first and applied when the FastCMS server restarts. The current database and files are kept as &lt;tt&gt;app.db.before_restore&lt;/tt&gt; and &lt;tt&gt;files_before_restore/&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Wichtige Hinweise zu Sicherungen&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Beim Wiederherstellen einer Sicherung werden Ihre aktuelle Datenbank und die hochgeladenen Dateien &lt;b&gt;überschrieben&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Erstellen Sie vor größeren Eingriffen immer eine Sicherung.&lt;/li&gt;&lt;li&gt;Bewahren Sie Sicherungen an einem sicheren Ort getrennt von Ihrem Server auf.&lt;/li&gt;&lt;li&gt;Testen Sie Ihre Sicherungen regelmäßig, um sicherzustellen, dass sie sich wiederherstellen lassen: &lt;i&gt;Prüfen&lt;/i&gt; testet eine Sicherung von Anfang bis Ende.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Was gesichert wird&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Die Datenbank (&lt;tt&gt;app.db&lt;/tt&gt;) als konsistenter Schnappschuss, auch während der Server schreibt&lt;/li&gt;&lt;li&gt;Hochgeladene Dateien in &lt;tt&gt;data/files/&lt;/tt&gt;&lt;/li&gt;&lt;li&gt;Metadaten der Sicherung (Zeitpunkt, App-Version) und SHA-256-Prüfsummen&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;So funktioniert eine Wiederherstellung&lt;/h3&gt;&lt;p&gt;Eine Wiederherstellung wird zunächst &lt;i&gt;vorgemerkt&lt;/i&gt; und beim Neustart des FastCMS-Servers angewendet. Die aktuelle Datenbank und die aktuellen Dateien werden als &lt;tt&gt;app.db.before_restore&lt;/tt&gt; und &lt;tt&gt;files_before_restore/&lt;/tt&gt; aufbewahrt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation>Möchten Sie %1 wirklich löschen? Dieser Vorgang kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n backups? This cannot be undone.</source>
        <translation>
            <numerusform>Möchten Sie diese %n Sicherung wirklich löschen? Dieser Vorgang kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Möchten Sie diese %n Sicherungen wirklich löschen? Dieser Vorgang kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete backups</source>
        <translation>Sicherungen löschen</translation>
    </message>
    <message>
        <source>Apply the restore now</source>
        <translation>Wiederherstellung jetzt anwenden</translation>
    </message>
    <message>
        <source>Apply the restore of %1 now? The server must be stopped. The current data is kept as app.db.before_restore and files_before_restore/.</source>
        <translation>Möchten Sie die Wiederherstellung von %1 jetzt anwenden? Der Server muss gestoppt sein. Die aktuellen Daten werden als app.db.before_restore und files_before_restore/ aufbewahrt.</translation>
    </message>
    <message>
        <source>Import a backup</source>
        <translation>Eine Sicherung importieren</translation>
    </message>
    <message>
        <source>Backups (*.zip)</source>
        <translation>Sicherungen (*.zip)</translation>
    </message>
    <message>
        <source>Open a FastCMS data folder</source>
        <translation>Einen FastCMS-Datenordner öffnen</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv);;SQL INSERT statements (*.sql)</source>
        <translation>JSON (*.json);;CSV (*.csv);;SQL-INSERT-Anweisungen (*.sql)</translation>
    </message>
</context>
<context>
    <name>fcb::BackupDetailsDialog</name>
    <message>
        <source>Not verified in this session.</source>
        <translation>In dieser Sitzung nicht geprüft.</translation>
    </message>
    <message>
        <source>Backup details: %1</source>
        <translation>Sicherungsdetails: %1</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Last verification:</source>
        <translation>Letzte Prüfung:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Reading SHA256SUMS…</source>
        <translation>SHA256SUMS wird gelesen…</translation>
    </message>
    <message>
        <source>Checksums are read from the archive; download it to see them.</source>
        <translation>Die Prüfsummen stehen im Archiv; laden Sie es herunter, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>SHA-256 checksums</source>
        <translation>SHA-256-Prüfsummen</translation>
    </message>
    <message>
        <source>No SHA256SUMS in this archive (as in archives written by FastCMS itself).</source>
        <translation>Dieses Archiv enthält keine SHA256SUMS (wie Archive, die FastCMS selbst erstellt).</translation>
    </message>
</context>
<context>
    <name>fcb::BackupTableModel</name>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Staged for restore</source>
        <translation>Zur Wiederherstellung vorgemerkt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Filename</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>FAILED %1</source>
        <translation>FEHLGESCHLAGEN %1</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Local; off-site…</source>
        <translation>Lokal; auswärts…</translation>
    </message>
    <message>
        <source>Local; off-site unknown</source>
        <translation>Lokal; auswärts unbekannt</translation>
    </message>
    <message>
        <source>Local + off-site</source>
        <translation>Lokal + auswärts</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Nur lokal</translation>
    </message>
    <message>
        <source>Keep (%1)</source>
        <translation>Behalten (%1)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Last Verified</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Prune Preview</source>
        <translation>Aufräum-Vorschau</translation>
    </message>
</context>
<context>
    <name>fcb::BackupsController</name>
    <message>
        <source>&amp;Create Backup</source>
        <translation>Sicherung &amp;erstellen</translation>
    </message>
    <message>
        <source>Back up the database and uploaded files now (Ctrl+N)</source>
        <translation>Datenbank und hochgeladene Dateien jetzt sichern (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check the selected backup&apos;s checksums and database</source>
        <translation>Prüfsummen und Datenbank der ausgewählten Sicherung prüfen</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Stage the selected backup; the server applies it when it restarts</source>
        <translation>Ausgewählte Sicherung zur Wiederherstellung vormerken; der Server wendet sie bei seinem Neustart an</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected backups</source>
        <translation>Ausgewählte Sicherungen löschen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the list (F5)</source>
        <translation>Liste neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Unstage</source>
        <translation>&amp;Vormerkung aufheben</translation>
    </message>
    <message>
        <source>Cancel the staged restore</source>
        <translation>Vormerkung der Wiederherstellung aufheben</translation>
    </message>
    <message>
        <source>&amp;Apply Now…</source>
        <translation>&amp;Jetzt anwenden…</translation>
    </message>
    <message>
        <source>Apply the staged restore now (the server must be stopped)</source>
        <translation>Vorgemerkte Wiederherstellung jetzt anwenden (der Server muss gestoppt sein)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Previous page (Alt+Left)</source>
        <translation>Vorherige Seite (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Wei&amp;ter</translation>
    </message>
    <message>
        <source>Next page (Alt+Right)</source>
        <translation>Nächste Seite (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>&amp;Name kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>P&amp;fad kopieren</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Sicherung erstellen</translation>
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation>%1 wurde erstellt (%2).</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>%1 is a sound backup.</source>
        <translation>%1 ist eine intakte Sicherung.</translation>
    </message>
    <message>
        <source>%1 failed verification: %2</source>
        <translation>%1 hat die Prüfung nicht bestanden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n backup(s).</source>
        <translation>
            <numerusform>%n Sicherung wurde gelöscht.</numerusform>
            <numerusform>%n Sicherungen wurden gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Verified: sound.</source>
        <translation>Geprüft: intakt.</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>FEHLGESCHLAGEN: %1</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>Stage restore</source>
        <translation>Wiederherstellung vormerken</translation>
    </message>
    <message>
        <source>Unstage restore</source>
        <translation>Vormerkung aufheben</translation>
    </message>
    <message>
        <source>The staged restore was removed; FastCMS will start normally.</source>
        <translation>Die vorgemerkte Wiederherstellung wurde entfernt; FastCMS startet normal.</translation>
    </message>
    <message>
        <source>Apply restore</source>
        <translation>Wiederherstellung anwenden</translation>
    </message>
    <message>
        <source>Restore of %1 is staged: restart the server to apply it.</source>
        <translation>Die Wiederherstellung von %1 ist vorgemerkt: Starten Sie den Server neu, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>&amp;Import Backup…</source>
        <translation>Sicherung &amp;importieren…</translation>
    </message>
    <message>
        <source>Add a backup zip from this computer (or drop one on the window)</source>
        <translation>Eine Sicherungs-ZIP-Datei von diesem Computer hinzufügen (oder eine auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>&amp;Open Containing Folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 wurde hinzugefügt (%2).</translation>
    </message>
    <message>
        <source>Do&amp;wnload…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>Save a verified copy of the selected backup on this computer</source>
        <translation>Eine geprüfte Kopie der ausgewählten Sicherung auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>This server does not offer downloads</source>
        <translation>Dieser Server bietet keine Downloads an</translation>
    </message>
    <message>
        <source>Verifying needs the backup&apos;s bytes, and this server does not offer downloads</source>
        <translation>Zum Prüfen wird der Inhalt der Sicherung benötigt, und dieser Server bietet keine Downloads an</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Saved a verified copy as %1.</source>
        <translation>Eine geprüfte Kopie wurde als %1 gespeichert.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Another job is running</source>
        <translation>Ein anderer Auftrag läuft</translation>
    </message>
    <message>
        <source>This file is not a valid backup</source>
        <translation>Diese Datei ist keine gültige Sicherung</translation>
    </message>
    <message>
        <source>This backup is already staged for restore</source>
        <translation>Diese Sicherung ist bereits zur Wiederherstellung vorgemerkt</translation>
    </message>
    <message>
        <source>Checking what is possible…</source>
        <translation>Mögliche Aktionen werden ermittelt…</translation>
    </message>
    <message>
        <source>Unstage the restore before deleting this backup</source>
        <translation>Heben Sie die Vormerkung auf, bevor Sie diese Sicherung löschen</translation>
    </message>
    <message>
        <source>Back up before restoring</source>
        <translation>Sicherung vor der Wiederherstellung</translation>
    </message>
    <message>
        <source>Restored %1. The data from before is in the backup %2 (restore it to go back) and in %3.</source>
        <translation>%1 wurde wiederhergestellt. Die vorherigen Daten liegen in der Sicherung %2 (stellen Sie diese wieder her, um zurückzukehren) und in %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>The server lists this as no valid backup: %1</source>
        <translation>Der Server führt dies nicht als gültige Sicherung: %1</translation>
    </message>
</context>
<context>
    <name>fcb::Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>fcb::BrowseController</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Show what the selected backup holds; extract files, put one upload back, see its history</source>
        <translation>Zeigt, was die ausgewählte Sicherung enthält; Dateien entpacken, einen Upload zurücklegen, seinen Verlauf sehen</translation>
    </message>
    <message>
        <source>Another job is running; extract when it is done.</source>
        <translation>Ein anderer Vorgang läuft; entpacken Sie, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Extract into</source>
        <translation>Entpacken nach</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>Extracted %1 files (%2) into %3, each checked against its checksums.</source>
        <translation>%1 Dateien (%2) nach %3 entpackt, jede gegen ihre Prüfsummen geprüft.</translation>
    </message>
    <message>
        <source>Another job is running; restore the file when it is done.</source>
        <translation>Ein anderer Vorgang läuft; stellen Sie die Datei wieder her, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Restore file</source>
        <translation>Datei wiederherstellen</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1; the file that was there is kept as %2.</source>
        <translation>%1 wiederhergestellt; die Datei, die dort lag, bleibt als %2 erhalten.</translation>
    </message>
    <message>
        <source>Another job is running; look at the history when it is done.</source>
        <translation>Ein anderer Vorgang läuft; sehen Sie sich den Verlauf an, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>CRC-32</source>
        <translation>CRC-32</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>appeared</source>
        <translation>hinzugekommen</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>same</source>
        <translation>unverändert</translation>
    </message>
</context>
<context>
    <name>fcb::BrowseDialog</name>
    <message>
        <source>Reading what %1 holds…</source>
        <translation>Es wird gelesen, was %1 enthält…</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>Komprimiert</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>CRC-32</source>
        <translation>CRC-32</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
    <message>
        <source>E&amp;xtract…</source>
        <translation>E&amp;ntpacken…</translation>
    </message>
    <message>
        <source>Write the selected files and folders to a folder, each checked against its checksums</source>
        <translation>Schreibt die ausgewählten Dateien und Ordner in einen Ordner, jede gegen ihre Prüfsummen geprüft</translation>
    </message>
    <message>
        <source>&amp;Restore This File</source>
        <translation>Diese Datei &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Put the selected upload back into the live files folder; a file of that name is kept as NAME.before_restore</source>
        <translation>Legt den ausgewählten Upload in den Live-Ordner files zurück; eine Datei dieses Namens bleibt als NAME.before_restore erhalten</translation>
    </message>
    <message>
        <source>Only for a data folder on this machine</source>
        <translation>Nur für einen Datenordner auf diesem Rechner</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>Every backup that holds the selected upload, and where it changed</source>
        <translation>Jede Sicherung, die den ausgewählten Upload enthält, und wo er sich änderte</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 entries, %3 (%4 compressed).</source>
        <translation>%1: %2 Einträge, %3 (%4 komprimiert).</translation>
    </message>
    <message>
        <source>%1 names a restore would refuse are flagged.</source>
        <translation>%1 Namen, die eine Wiederherstellung ablehnen würde, sind markiert.</translation>
    </message>
</context>
<context>
    <name>fcb::CommandLine</name>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <source>Try &apos;fastcms-backup --help&apos;.</source>
        <translation>Hilfe erhalten Sie mit &apos;fastcms-backup --help&apos;.</translation>
    </message>
    <message>
        <source>No command given. Try &apos;fastcms-backup --help&apos;.</source>
        <translation>Kein Befehl angegeben. Hilfe erhalten Sie mit &apos;fastcms-backup --help&apos;.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Try &apos;fastcms-backup --help&apos;.</source>
        <translation>Unbekannter Befehl „%1“. Hilfe erhalten Sie mit &apos;fastcms-backup --help&apos;.</translation>
    </message>
    <message>
        <source>%1 takes one backup name.</source>
        <translation>%1 erwartet genau einen Sicherungsnamen.</translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation>%1 erwartet keine Argumente.</translation>
    </message>
    <message>
        <source>--trigger is manual, scheduled or pre-restore.</source>
        <translation>--trigger muss manual, scheduled oder pre-restore sein.</translation>
    </message>
    <message numerus="yes">
        <source>Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)</source>
        <translation>
            <numerusform>%1 wurde erstellt (%2; Datenbank %3 und %n Datei, unkomprimiert %4; Integrität %5)</numerusform>
            <numerusform>%1 wurde erstellt (%2; Datenbank %3 und %n Dateien, unkomprimiert %4; Integrität %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>--page and --per-page take whole numbers.</source>
        <translation>--page und --per-page erwarten ganze Zahlen.</translation>
    </message>
    <message>
        <source>No backups yet. Create one with &apos;fastcms-backup create&apos;.</source>
        <translation>Noch keine Sicherungen vorhanden. Erstellen Sie eine mit &apos;fastcms-backup create&apos;.</translation>
    </message>
    <message>
        <source>Page %1 is past the end (%2 pages).</source>
        <translation>Seite %1 existiert nicht (insgesamt %2 Seiten).</translation>
    </message>
    <message>
        <source>Filename</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>INVALID: %1</source>
        <translation>UNGÜLTIG: %1</translation>
    </message>
    <message>
        <source>staged for restore</source>
        <translation>zur Wiederherstellung vorgemerkt</translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) · Page %1 of %2</source>
        <translation>
            <numerusform>Gesamt: %n Sicherung · Seite %1 von %2</numerusform>
            <numerusform>Gesamt: %n Sicherungen · Seite %1 von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 is a sound backup.</source>
        <translation>%1 ist eine intakte Sicherung.</translation>
    </message>
    <message>
        <source>%1 FAILED verification.</source>
        <translation>%1 hat die Prüfung NICHT bestanden.</translation>
    </message>
    <message>
        <source>Staged %1 for restore.</source>
        <translation>%1 wurde zur Wiederherstellung vorgemerkt.</translation>
    </message>
    <message>
        <source>Restart the FastCMS server to apply it, or stop the server and run &apos;fastcms-backup apply-restore&apos;.</source>
        <translation>Starten Sie den FastCMS-Server neu, um sie anzuwenden, oder beenden Sie den Server und führen Sie &apos;fastcms-backup apply-restore&apos; aus.</translation>
    </message>
    <message>
        <source>The staged restore was removed; FastCMS will start normally.</source>
        <translation>Die vorgemerkte Wiederherstellung wurde entfernt; FastCMS startet normal.</translation>
    </message>
    <message>
        <source>Finished the interrupted restore of %1.</source>
        <translation>Die unterbrochene Wiederherstellung von %1 wurde abgeschlossen.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The previous database is kept as %1.</source>
        <translation>Die bisherige Datenbank wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The previous files are kept in %1.</source>
        <translation>Die bisherigen Dateien wurden in %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Data folder:   %1</source>
        <translation>Datenordner:       %1</translation>
    </message>
    <message>
        <source>Database:      %1 (%2)</source>
        <translation>Datenbank:         %1 (%2)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>in use by process %1</source>
        <translation>von Prozess %1 verwendet</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>not open: the server looks stopped</source>
        <translation>nicht geöffnet: Der Server scheint gestoppt zu sein</translation>
    </message>
    <message>
        <source>Newest backup: %1, %2 (%3)</source>
        <translation>Neueste Sicherung: %1, %2 (%3)</translation>
    </message>
    <message>
        <source>Newest backup: none</source>
        <translation>Neueste Sicherung: keine</translation>
    </message>
    <message numerus="yes">
        <source>Backups:       %n backup(s), %1; %2 free</source>
        <translation>
            <numerusform>Sicherungen:       %n Sicherung, %1; %2 frei</numerusform>
            <numerusform>Sicherungen:       %n Sicherungen, %1; %2 frei</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Restore:       %1 is staged (requested %2): restart the server to apply it</source>
        <translation>Wiederherstellung: %1 ist vorgemerkt (angefordert: %2): Starten Sie den Server neu, um sie anzuwenden</translation>
    </message>
    <message>
        <source>Restore:       none pending</source>
        <translation>Wiederherstellung: keine ausstehend</translation>
    </message>
    <message>
        <source>Busy:          %1 (process %2) is working on this folder</source>
        <translation>Belegt:            %1 (Prozess %2) arbeitet in diesem Ordner</translation>
    </message>
    <message>
        <source>Created a demo data folder at %1.</source>
        <translation>Unter %1 wurde ein Demo-Datenordner erstellt.</translation>
    </message>
    <message>
        <source>%1 already has a database; left it as it is.</source>
        <translation>%1 enthält bereits eine Datenbank; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was left half-written.</source>
        <translation>Abgebrochen; es sind keine halb geschriebenen Daten zurückgeblieben.</translation>
    </message>
    <message>
        <source>--abandon goes with apply-restore.</source>
        <translation>--abandon gehört zu apply-restore.</translation>
    </message>
    <message>
        <source>The interrupted restore was undone; the data folder is as it was before, and the restore is staged again.</source>
        <translation>Die unterbrochene Wiederherstellung wurde rückgängig gemacht; der Datenordner ist wie zuvor, und die Wiederherstellung ist wieder vorgemerkt.</translation>
    </message>
    <message>
        <source>Restore:       INTERRUPTED: run &apos;fastcms-backup apply-restore&apos; to finish it (or add --abandon to undo it)</source>
        <translation>Wiederherstellung: UNTERBROCHEN: Führen Sie &apos;fastcms-backup apply-restore&apos; aus, um sie abzuschließen (oder fügen Sie --abandon hinzu, um sie rückgängig zu machen)</translation>
    </message>
    <message>
        <source>The operation ended without a result.</source>
        <translation>Der Vorgang endete ohne Ergebnis.</translation>
    </message>
    <message>
        <source>%1 takes the path of one zip file.</source>
        <translation>%1 erwartet den Pfad genau einer ZIP-Datei.</translation>
    </message>
    <message>
        <source>%1 works on a local data folder; a server applies staged restores itself when it restarts.</source>
        <translation>%1 arbeitet mit einem lokalen Datenordner; ein Server wendet vorgemerkte Wiederherstellungen bei seinem Neustart selbst an.</translation>
    </message>
    <message>
        <source>Created %1 (%2) on the server.</source>
        <translation>%1 wurde auf dem Server erstellt (%2).</translation>
    </message>
    <message>
        <source>Saved %1 (%2)%3.</source>
        <translation>%1 wurde gespeichert (%2)%3.</translation>
    </message>
    <message>
        <source>, resumed</source>
        <translation>, fortgesetzt</translation>
    </message>
    <message>
        <source>The download verifies.</source>
        <translation>Der Download hat die Prüfung bestanden.</translation>
    </message>
    <message>
        <source>The download FAILED verification: %1</source>
        <translation>Der Download hat die Prüfung NICHT bestanden: %1</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 wurde hinzugefügt (%2).</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>--server takes an http:// or https:// address.</source>
        <translation>--server erwartet eine http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>Put no credentials in --server: use --token-file, --api-key-file or --email.</source>
        <translation>Geben Sie in --server keine Zugangsdaten an: Verwenden Sie --token-file, --api-key-file oder --email.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>login needs --email (the password comes from --password-file, FASTCMS_PASSWORD or a prompt).</source>
        <translation>login erfordert --email (das Passwort stammt aus --password-file, FASTCMS_PASSWORD oder einer Eingabeaufforderung).</translation>
    </message>
    <message>
        <source>No password: use --password-file or FASTCMS_PASSWORD, or run on a terminal.</source>
        <translation>Kein Passwort: Verwenden Sie --password-file oder FASTCMS_PASSWORD, oder führen Sie den Befehl in einem Terminal aus.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds.</source>
        <translation>--timeout erwartet eine Anzahl von Sekunden.</translation>
    </message>
    <message>
        <source>Warning: %1 is plain http:// to another machine: credentials and backups cross the network unencrypted.</source>
        <translation>Warnung: %1 verwendet reines http:// zu einem anderen Rechner: Zugangsdaten und Sicherungen werden unverschlüsselt über das Netzwerk übertragen.</translation>
    </message>
    <message>
        <source>Two-factor code: </source>
        <translation>Zwei-Faktor-Code: </translation>
    </message>
    <message>
        <source>This account needs a two-factor code: set FASTCMS_2FA_CODE or run login on a terminal to be asked for it.</source>
        <translation>Dieses Konto erfordert einen Zwei-Faktor-Code: Setzen Sie FASTCMS_2FA_CODE, oder führen Sie login in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Nothing was stored.</source>
        <translation>Angemeldet als %1 (%2). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Tokens saved to %3 (readable by you only).</source>
        <translation>Angemeldet als %1 (%2). Die Tokens wurden in %3 gespeichert (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Server:        %1</source>
        <translation>Server:            %1</translation>
    </message>
    <message numerus="yes">
        <source>Backups:       %n backup(s)</source>
        <translation>
            <numerusform>Sicherungen:       %n Sicherung</numerusform>
            <numerusform>Sicherungen:       %n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs --server.</source>
        <translation>%1 benötigt --server.</translation>
    </message>
    <message>
        <source>The reminder of the staged restore was removed from this machine.</source>
        <translation>Der Hinweis auf die vorgemerkte Wiederherstellung wurde von diesem Rechner entfernt.</translation>
    </message>
    <message>
        <source>The tokens in %1 belong to %2, not to %3.</source>
        <translation>Die Token in %1 gehören zu %2, nicht zu %3.</translation>
    </message>
    <message>
        <source>Warning: the renewed tokens could not be saved to %1 (%2); the next run will have to sign in again.</source>
        <translation>Warnung: Die erneuerten Token konnten nicht in %1 gespeichert werden (%2); beim nächsten Aufruf ist eine erneute Anmeldung nötig.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 is pinned: prune keeps it.</source>
        <translation>%1 ist angeheftet: prune behält sie.</translation>
    </message>
    <message>
        <source>%1 is no longer pinned.</source>
        <translation>%1 ist nicht mehr angeheftet.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number.</source>
        <translation>--%1 erwartet eine ganze Zahl.</translation>
    </message>
    <message>
        <source>keep   </source>
        <translation>behalten </translation>
    </message>
    <message>
        <source>delete </source>
        <translation>löschen  </translation>
    </message>
    <message>
        <source>Deleted %1 of %2 backups.</source>
        <translation>%1 von %2 Sicherungen gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Health:        STALE: the newest backup is older than %n hour(s)</source>
        <translation>
            <numerusform>Zustand:           VERALTET: Die neueste Sicherung ist älter als %n Stunde</numerusform>
            <numerusform>Zustand:           VERALTET: Die neueste Sicherung ist älter als %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Health:        STALE: there is no backup</source>
        <translation>Zustand:           VERALTET: Es gibt keine Sicherung</translation>
    </message>
    <message>
        <source>Health:        LOW SPACE: %1 free, less than twice the newest backup (%2)</source>
        <translation>Zustand:           WENIG PLATZ: %1 frei, weniger als die doppelte Größe der neuesten Sicherung (%2)</translation>
    </message>
    <message>
        <source>Health:        OK</source>
        <translation>Zustand:           OK</translation>
    </message>
    <message>
        <source>Warning: the heartbeat %1 could not be reached (%2).</source>
        <translation>Warnung: Der Heartbeat %1 war nicht erreichbar (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Foreign keys: %n violation(s)</source>
        <translation>
            <numerusform>Fremdschlüssel: %n Verletzung</numerusform>
            <numerusform>Fremdschlüssel: %n Verletzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n file(s), %1:</source>
        <translation>
            <numerusform>%n Datei wiederhergestellt, %1:</numerusform>
            <numerusform>%n Dateien wiederhergestellt, %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>%1 restores: drill passed in %2 s.</source>
        <translation>%1 lässt sich wiederherstellen: Probe in %2 s bestanden.</translation>
    </message>
    <message>
        <source>%1 would NOT restore: %2</source>
        <translation>%1 ließe sich NICHT wiederherstellen: %2</translation>
    </message>
    <message>
        <source>offsite takes push [&lt;name&gt;], list, pull &lt;name&gt; or delete &lt;name&gt;.</source>
        <translation>offsite erwartet push [&lt;Name&gt;], list, pull &lt;Name&gt; oder delete &lt;Name&gt;.</translation>
    </message>
    <message>
        <source>Give it with --offsite or FASTCMS_BACKUP_OFFSITE.</source>
        <translation>Geben Sie es mit --offsite oder FASTCMS_BACKUP_OFFSITE an.</translation>
    </message>
    <message>
        <source>Copied %1 to %2.</source>
        <translation>%1 wurde nach %2 kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) copied off-site, %1 already there.</source>
        <translation>
            <numerusform>%n Sicherung auswärts kopiert, %1 bereits dort.</numerusform>
            <numerusform>%n Sicherungen auswärts kopiert, %1 bereits dort.</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups on %1 yet. Copy them with &apos;fastcms-backup offsite push&apos;.</source>
        <translation>Noch keine Sicherungen auf %1. Kopieren Sie sie mit &apos;fastcms-backup offsite push&apos;.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) on %1</source>
        <translation>
            <numerusform>Gesamt: %n Sicherung auf %1</numerusform>
            <numerusform>Gesamt: %n Sicherungen auf %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetched %1 (%2); it verifies and is ready to restore.</source>
        <translation>%1 (%2) wurde geholt; die Prüfung ist bestanden, sie kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Deleted %1 from %2.</source>
        <translation>%1 wurde auf %2 gelöscht.</translation>
    </message>
    <message>
        <source>Off-site copies are made from a local backups folder; on a server, download the backups first.</source>
        <translation>Auswärtige Kopien entstehen aus einem lokalen Sicherungsordner; laden Sie bei einem Server die Sicherungen zuerst herunter.</translation>
    </message>
    <message>
        <source>--every is hourly, daily or weekly.</source>
        <translation>--every ist hourly, daily oder weekly.</translation>
    </message>
    <message>
        <source>--at takes a time such as 03:00.</source>
        <translation>--at erwartet eine Uhrzeit wie 03:00.</translation>
    </message>
    <message>
        <source>A schedule for a server needs --token-file (written by login --save-token) or --api-key-file.</source>
        <translation>Ein Zeitplan für einen Server braucht --token-file (von login --save-token geschrieben) oder --api-key-file.</translation>
    </message>
    <message>
        <source>Added to your crontab:</source>
        <translation>In Ihre crontab eingetragen:</translation>
    </message>
    <message>
        <source># Add this line with &apos;crontab -e&apos; (or run this command again with --install):</source>
        <translation># Tragen Sie diese Zeile mit &apos;crontab -e&apos; ein (oder führen Sie diesen Befehl erneut mit --install aus):</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>%1 und %2 wurden geschrieben.</translation>
    </message>
    <message>
        <source>Start it with:</source>
        <translation>Starten Sie ihn mit:</translation>
    </message>
    <message>
        <source># Run this command again with --install to write both files, then: %1</source>
        <translation># Führen Sie diesen Befehl erneut mit --install aus, um beide Dateien zu schreiben, dann: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n backup(s) could not be copied.)</source>
        <translation>
            <numerusform>(%n Sicherung konnte nicht kopiert werden.)</numerusform>
            <numerusform>(%n Sicherungen konnten nicht kopiert werden.)</numerusform>
        </translation>
    </message>
    <message>
        <source>The network part of fastcms-backup could not be loaded (%1). Reinstall the package.</source>
        <translation>Der Netzwerkteil von fastcms-backup konnte nicht geladen werden (%1). Installieren Sie das Paket neu.</translation>
    </message>
    <message>
        <source>The output could not be written (%1).</source>
        <translation>Die Ausgabe konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>%1 can be changed by other users</source>
        <translation>%1 kann von anderen Benutzern geändert werden</translation>
    </message>
    <message>
        <source>it was built with another version (%1) than this tool (%2)</source>
        <translation>es wurde mit einer anderen Version (%1) gebaut als dieses Werkzeug (%2)</translation>
    </message>
    <message>
        <source>Warning: no heartbeat was sent. %1</source>
        <translation>Warnung: Es wurde kein Heartbeat gesendet. %1</translation>
    </message>
    <message>
        <source>Lingering is on for %1: the timer runs while you are logged out too.</source>
        <translation>Lingering ist für %1 eingeschaltet: Der Timer läuft auch, wenn Sie abgemeldet sind.</translation>
    </message>
    <message>
        <source>Turned on lingering for %1 (loginctl enable-linger): the timer runs while you are logged out too.</source>
        <translation>Lingering für %1 eingeschaltet (loginctl enable-linger): Der Timer läuft auch, wenn Sie abgemeldet sind.</translation>
    </message>
    <message>
        <source>Warning: lingering is off for %1 and could not be turned on (%2), so the timer stops when you log out. To keep it running, have an administrator run:</source>
        <translation>Warnung: Lingering ist für %1 ausgeschaltet und konnte nicht eingeschaltet werden (%2); der Timer hält also an, wenn Sie sich abmelden. Damit er weiterläuft, lassen Sie einen Administrator ausführen:</translation>
    </message>
    <message>
        <source>loginctl refused</source>
        <translation>loginctl hat abgelehnt</translation>
    </message>
    <message>
        <source>loginctl did not say</source>
        <translation>loginctl hat es nicht gesagt</translation>
    </message>
    <message>
        <source>--system writes systemd units; it does not go with --cron.</source>
        <translation>--system schreibt systemd-Units; es passt nicht zu --cron.</translation>
    </message>
    <message>
        <source>It runs as %1, who ran this command.</source>
        <translation>Er läuft als %1, der diesen Befehl ausgeführt hat.</translation>
    </message>
    <message>
        <source>It runs as %1:%2, the owner of %3.</source>
        <translation>Er läuft als %1:%2, dem Eigentümer von %3.</translation>
    </message>
    <message>
        <source># Run this command again as root with --install to write both files, then: %1</source>
        <translation># Führen Sie diesen Befehl als root erneut mit --install aus, um beide Dateien zu schreiben, dann: %1</translation>
    </message>
    <message>
        <source># The timer stops when you log out unless lingering is on: sudo loginctl enable-linger %1</source>
        <translation># Der Timer hält beim Abmelden an, wenn Lingering nicht eingeschaltet ist: sudo loginctl enable-linger %1</translation>
    </message>
    <message>
        <source>Schedule:      %1, %2: active</source>
        <translation>Zeitplan:      %1, %2: aktiv</translation>
    </message>
    <message>
        <source>Schedule:      %1 is not active; start it with: %2</source>
        <translation>Zeitplan:      %1 ist nicht aktiv; starten mit: %2</translation>
    </message>
    <message>
        <source>Schedule:      %1, %2: whether it is active is unknown (%3)</source>
        <translation>Zeitplan:      %1, %2: ob er aktiv ist, ist unbekannt (%3)</translation>
    </message>
    <message>
        <source>systemctl did not say</source>
        <translation>systemctl hat es nicht gesagt</translation>
    </message>
    <message>
        <source>--wait-lock takes a duration such as 90s, 10m or 2h.</source>
        <translation>--wait-lock erwartet eine Dauer wie 90s, 10m oder 2h.</translation>
    </message>
    <message>
        <source>The interrupted restore was undone; the data folder is as it was before. The restore is no longer staged: its staged files had already been removed. To restore %1 after all, run &apos;fastcms-backup stage-restore %1&apos;.</source>
        <translation>Die unterbrochene Wiederherstellung wurde rückgängig gemacht; der Datenordner ist wie zuvor. Die Wiederherstellung ist nicht mehr vorbereitet: Ihre vorbereiteten Dateien waren bereits entfernt. Um %1 doch wiederherzustellen, führen Sie &apos;fastcms-backup stage-restore %1&apos; aus.</translation>
    </message>
    <message>
        <source>Warning: lingering could not be checked for %1 (%2). Without lingering the timer stops when you log out; to turn it on, run:</source>
        <translation>Warnung: Lingering konnte für %1 nicht geprüft werden (%2). Ohne Lingering hält der Timer beim Abmelden an; zum Einschalten führen Sie aus:</translation>
    </message>
    <message>
        <source>--page and --per-page go with list and diff.</source>
        <translation>--page und --per-page gehören zu list und diff.</translation>
    </message>
    <message>
        <source>%1: table deleted since (%2 rows in the backup)</source>
        <translation>%1: Tabelle seitdem gelöscht (%2 Zeilen in der Sicherung)</translation>
    </message>
    <message>
        <source>%1: table added since (%2 rows)</source>
        <translation>%1: Tabelle seitdem hinzugekommen (%2 Zeilen)</translation>
    </message>
    <message>
        <source>%1 added since</source>
        <translation>%1 seitdem hinzugekommen</translation>
    </message>
    <message>
        <source>%1 deleted since</source>
        <translation>%1 seitdem gelöscht</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 %2 added since</source>
        <translation>%1 %2 seitdem hinzugekommen</translation>
    </message>
    <message>
        <source>%1 %2 deleted since</source>
        <translation>%1 %2 seitdem gelöscht</translation>
    </message>
    <message>
        <source>%1 %2 changed</source>
        <translation>%1 %2 geändert</translation>
    </message>
    <message>
        <source>; columns added since: %1</source>
        <translation>; Spalten seitdem hinzugekommen: %1</translation>
    </message>
    <message>
        <source>; columns deleted since: %1</source>
        <translation>; Spalten seitdem gelöscht: %1</translation>
    </message>
    <message>
        <source>%1 added since (%2)</source>
        <translation>%1 seitdem hinzugekommen (%2)</translation>
    </message>
    <message>
        <source>%1 deleted since (%2)</source>
        <translation>%1 seitdem gelöscht (%2)</translation>
    </message>
    <message>
        <source>uploads: %1</source>
        <translation>Uploads: %1</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
    <message>
        <source>%1: %2 rows differ · page %3 of %4</source>
        <translation>%1: %2 Zeilen unterscheiden sich · Seite %3 von %4</translation>
    </message>
    <message>
        <source>added since</source>
        <translation>seitdem hinzu</translation>
    </message>
    <message>
        <source>deleted since</source>
        <translation>seitdem gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source> (%1 copies)</source>
        <translation> (%1 Kopien)</translation>
    </message>
    <message>
        <source>the live data</source>
        <translation>den Live-Daten</translation>
    </message>
    <message>
        <source>%1 and %2 hold the same records and uploads.</source>
        <translation>%1 und %2 enthalten dieselben Datensätze und Uploads.</translation>
    </message>
    <message>
        <source>%1 compared with %2:</source>
        <translation>%1 verglichen mit %2:</translation>
    </message>
    <message>
        <source>schema: %1</source>
        <translation>Schema: %1</translation>
    </message>
    <message>
        <source>  %1 more tables unchanged.</source>
        <translation>  %1 weitere Tabellen unverändert.</translation>
    </message>
    <message>
        <source>--rows goes with --table.</source>
        <translation>--rows gehört zu --table.</translation>
    </message>
    <message>
        <source>--against and --rows go with diff.</source>
        <translation>--against und --rows gehören zu diff.</translation>
    </message>
    <message>
        <source>--table goes with diff and export.</source>
        <translation>--table gehört zu diff und export.</translation>
    </message>
    <message>
        <source>--key and --format go with export.</source>
        <translation>--key und --format gehören zu export.</translation>
    </message>
    <message>
        <source>export needs --table.</source>
        <translation>export braucht --table.</translation>
    </message>
    <message>
        <source>--format takes json, csv or sql.</source>
        <translation>--format nimmt json, csv oder sql.</translation>
    </message>
    <message>
        <source>With --json, export needs --output: the rows would mix with the JSON answer.</source>
        <translation>Mit --json braucht export --output: Die Zeilen würden sich sonst mit der JSON-Antwort vermischen.</translation>
    </message>
    <message>
        <source>%1 already exists; use --force to replace it.</source>
        <translation>%1 existiert bereits; mit --force wird es ersetzt.</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2.</source>
        <translation>%1 Zeilen nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Warning: the backup has no row with the key %1.</source>
        <translation>Warnung: Die Sicherung hat keine Zeile mit dem Schlüssel %1.</translation>
    </message>
    <message>
        <source>Usage: fastcms-backup %1. Try &apos;fastcms-backup --help&apos;.</source>
        <translation>Aufruf: fastcms-backup %1. Hilfe erhalten Sie mit &apos;fastcms-backup --help&apos;.</translation>
    </message>
    <message>
        <source>--long goes with ls.</source>
        <translation>--long gehört zu ls.</translation>
    </message>
    <message>
        <source>--force goes with extract and export.</source>
        <translation>--force gehört zu extract und export.</translation>
    </message>
    <message>
        <source>extract needs --output &lt;dir&gt;, the folder to write the files into.</source>
        <translation>extract braucht --output &lt;Ordner&gt;, den Ordner, in den die Dateien geschrieben werden.</translation>
    </message>
    <message numerus="yes">
        <source>Extracted %n file(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n Datei (%1) nach %2 entpackt.</numerusform>
            <numerusform>%n Dateien (%1) nach %2 entpackt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each matched its CRC-32; %1 also matched SHA256SUMS.</source>
        <translation>Jede passte zu ihrer CRC-32; %1 davon auch zu SHA256SUMS.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>appeared</source>
        <translation>hinzugekommen</translation>
    </message>
    <message>
        <source>disappeared</source>
        <translation>verschwunden</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>CRC-32</source>
        <translation>CRC-32</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Warning: skipped %1</source>
        <translation>Warnung: übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>No backup holds %1 (%n backup(s) read).</source>
        <translation>
            <numerusform>Keine Sicherung enthält %1 (%n Sicherung gelesen).</numerusform>
            <numerusform>Keine Sicherung enthält %1 (%n Sicherungen gelesen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) read, %1 of them from the cache.</source>
        <translation>
            <numerusform>%n Sicherung gelesen, davon %1 aus dem Zwischenspeicher.</numerusform>
            <numerusform>%n Sicherungen gelesen, davon %1 aus dem Zwischenspeicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>Komprimiert</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>[FLAGGED: %1]</source>
        <translation>[MARKIERT: %1]</translation>
    </message>
    <message>
        <source>%1 is not in the backup %2.</source>
        <translation>%1 ist nicht in der Sicherung %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s), %1 (%2 compressed)</source>
        <translation>
            <numerusform>%n Eintrag, %1 (%2 komprimiert)</numerusform>
            <numerusform>%n Einträge, %1 (%2 komprimiert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) flagged: a restore would refuse this archive.</source>
        <translation>
            <numerusform>%n Eintrag markiert: Eine Wiederherstellung würde dieses Archiv ablehnen.</numerusform>
            <numerusform>%n Einträge markiert: Eine Wiederherstellung würde dieses Archiv ablehnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 puts an upload back into a local data folder; a server&apos;s API offers no way to do that.</source>
        <translation>%1 legt eine hochgeladene Datei in einen lokalen Datenordner zurück; die API eines Servers bietet dafür keinen Weg.</translation>
    </message>
    <message>
        <source>Restored %1 (%2) to %3.</source>
        <translation>%1 (%2) nach %3 wiederhergestellt.</translation>
    </message>
    <message>
        <source>The file that was there is kept as %1.</source>
        <translation>Die Datei, die dort lag, wird als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Usage: fastcms-backup [options] &lt;command&gt; [arguments]

Safe, FastCMS-compatible backups of a FastCMS data folder, or of a FastCMS server
through its REST API (--server).

Commands:
  create                 Back up the database (a consistent snapshot, even while the
                         server writes) and every uploaded file into
                         backups/backup_YYYYMMDD_HHMMSS.zip
  list                   List backups, newest first (--page, --per-page)
  delete &lt;name&gt;          Delete one backup (a plain *.zip name in the backups folder)
  verify &lt;name&gt;          Check CRCs, SHA256SUMS, the database&apos;s integrity and metadata
                         (on a server: downloads it first, where the server allows)
  drill &lt;name&gt;           Rehearse a restore in a throw-away folder: extract, checksums,
                         integrity and foreign-key checks, row counts per table; the
                         result is kept for the console&apos;s &quot;Last verified&quot; column
  diff &lt;name&gt;            What differs between a backup and the live data (or
                         --against another backup): rows added since, deleted since
                         and changed per table, schema changes, uploads added,
                         deleted and changed. --table T --rows lists the rows
  export &lt;name&gt;          Rows of one table of the backup&apos;s database (--table), all or
                         by --key, as JSON, CSV or SQL INSERT statements to review
                         and apply by hand (--format); to standard output or --output.
                         Nothing is written into the live database
  stage-restore &lt;name&gt;   Verify a backup and stage it; FastCMS applies it at its next start
  unstage                Cancel a staged restore (local data folders only)
  apply-restore          Apply the staged restore now (the server must be stopped);
                         keeps app.db.before_restore and files_before_restore/.
                         After an interruption it finishes the restore; with
                         --abandon it undoes it instead
  status                 Pending restore, newest backup and its age, who is busy
  download &lt;name&gt;        Copy a backup to --output (default: the current folder),
                         resuming a partial download, and verify the copy
  upload &lt;zip&gt;           Add a backup zip from this machine, after validating it
  ls &lt;name&gt; [&lt;path&gt;]     What a backup holds, from its zip directory: size and time
                         (--long: also compressed size and CRC-32), of &lt;path&gt; only
                         when given (a file, or a folder such as files/photos/);
                         names a restore would refuse are shown flagged
  extract &lt;name&gt; &lt;path&gt;...
                         Write files or whole folders of a backup into --output at
                         their paths in it, each checked against its CRC-32 and
                         SHA256SUMS; never over an existing file without --force
  restore-file &lt;name&gt; &lt;files/path&gt;
                         Put one upload back into the live files folder; a file of
                         that name is kept as NAME.before_restore first
  history &lt;files/path&gt;   Every backup that holds an upload, newest first, with its
                         size and CRC-32, and where it appeared, changed or was
                         gone; each backup&apos;s zip directory is read once and cached
  login                  Sign in to --server with --email; with --save-token FILE,
                         keep the tokens in FILE (readable by you only) for later runs
  forget-restore         Forget the restore staged on --server once it has restarted
                         and applied it (the server has no route that tells)
  prune                  Delete the backups a retention policy does not keep (default:
                         7 daily, 4 weekly, 12 monthly); --dry-run lists every backup
                         as keep or delete with its reason. The newest, pinned and
                         staged backups are always kept
  pin &lt;name&gt;, unpin &lt;name&gt;
                         Keep a backup through every prune, or stop doing so
  offsite push [&lt;name&gt;]  Copy backups off-site with rclone (to --offsite): the named one,
                         or every one not there yet; never replaces or deletes anything
  offsite list           The backups off-site, and which of them are also here
  offsite pull &lt;name&gt;    Bring a backup back from off-site, verified, ready to restore
  offsite delete &lt;name&gt;  Delete one backup off-site (only ever when asked like this)
  schedule               Print a systemd user timer and service that run create, then
                         prune (--every, --at; --cron for a crontab line); with
                         --install, write them (or add the line to your crontab) and
                         turn on lingering, without which the timer stops when you
                         log out. With --system, units for the system instead, which
                         run with nobody logged in
  demo                   Create a demo data folder at --data-dir (if it has no app.db)

Local options:
  --data-dir &lt;dir&gt;       The server&apos;s data folder (default: ./data)
  --db &lt;file&gt;            Database (default: &lt;data-dir&gt;/app.db; FastCMS&apos;s DATABASE_URL)
  --files-dir &lt;dir&gt;      Uploads (default: &lt;data-dir&gt;/files; FastCMS&apos;s LOCAL_STORAGE_PATH)
  --backups-dir &lt;dir&gt;    Backups (default: &lt;data-dir&gt;/backups)

Server options (secrets never go on the command line):
  --server &lt;url&gt;         A FastCMS server, e.g. https://cms.example.org
  --token-file &lt;file&gt;    An access token, or the file login --save-token wrote
                         (kept current when the server rotates the refresh token)
  --api-key-file &lt;file&gt;  An API key (fcms_...), sent as X-API-Key
  --email &lt;address&gt;      Sign in with a password from --password-file, FASTCMS_PASSWORD
                         or a prompt; a two-factor code from FASTCMS_2FA_CODE or a prompt
  --password-file &lt;file&gt; The password for --email
  --save-token &lt;file&gt;    login: where to keep the tokens
  --timeout &lt;seconds&gt;    How long one answer of the server may take (default: 30)
  Without these options, FASTCMS_TOKEN or FASTCMS_API_KEY are used when set.

Other options:
  --page &lt;n&gt;             list, diff --rows: page number, from 1 (default: 1)
  --per-page &lt;n&gt;         list, diff --rows: entries per page, 1 to 1000 (default: 20)
  --against &lt;name|live&gt;  diff: compare with this backup instead of the live data
  --table &lt;name&gt;         diff: only this table; export: the table to export
  --key &lt;value&gt;          export: the row with this key (repeatable); exit 3 when one
                         is not in the backup
  --format &lt;format&gt;      export: json, csv or sql (default: json)
  --force                extract, export: replace files that already exist
  --rows                 diff: list the rows of --table that differ, with the old and
                         new values of changed columns (shortened past 200 bytes)
  --trigger &lt;kind&gt;       create: manual, scheduled or pre-restore (default: manual)
  --abandon              apply-restore: undo an interrupted restore
  --wait-lock &lt;duration&gt; Wait up to this long (90s, 10m, 2h) for another operation
                         on the same data folder instead of failing with exit 4
  --keep-last &lt;n&gt;, --keep-daily &lt;n&gt;, --keep-weekly &lt;n&gt;, --keep-monthly &lt;n&gt;,
  --keep-yearly &lt;n&gt;      prune: the retention rules, combined with OR (UTC calendar
                         buckets, weeks from Monday)
  --dry-run              prune: only show what would be deleted
  --check                status: exit 11 when the newest backup is too old, 12 when space
                         is short, 13 when the installed schedule&apos;s timer is not active
                         (for monitoring)
  --max-age &lt;hours&gt;      status: how old the newest backup may be (default: what the
                         installed schedule allows: 2 hourly, 26 daily, 170 weekly)
  --heartbeat-url &lt;url&gt;  create: call this URL after a successful backup
  --offsite &lt;remote&gt;     An rclone remote and folder for off-site copies, such as
                         s3:bucket/fastcms or a crypt remote for encryption at rest
                         (default: FASTCMS_BACKUP_OFFSITE); create copies the new
                         backup there too
  --output &lt;path&gt;        download: a folder or a file name (default: .);
                         extract: the folder to write into (required);
                         export: the file (default: standard output)
  --long                 ls: also the compressed size and CRC-32 of each entry
  --every &lt;interval&gt;     schedule: hourly, daily or weekly (Mondays) (default: daily)
  --at &lt;time&gt;            schedule: when, such as 03:00; hourly uses the minutes
  --cron                 schedule: a crontab line instead of systemd units
  --install              schedule: write the units, or add the crontab line
  --system               schedule: units for /etc/systemd/system (root for --install)
                         that run as the data folder&apos;s owner (for a server: as you)
  --json                 Print one JSON object on standard output
  -q, --quiet            No progress and no messages on success
  -h, --help             Show this help
  -v, --version          Show the version

Progress is shown on a terminal only. Ctrl+C cancels cleanly: nothing half-written is left.

Exit codes:
  0    success
  1    unexpected failure
  2    usage error (unknown command or option, malformed backup name)
  3    not found (no such backup, database or staged restore)
  4    busy (another operation runs on this data folder, or the server has the
       database open during apply-restore)
  5    invalid archive (verification failed, hostile or damaged archive)
  6    I/O error, including not enough free space; schedule --system --install
       without the right to write /etc/systemd/system (not root)
  7    conflict (e.g. deleting the backup that is staged for restore, or
       extracting over an existing file without --force)
  8    authentication failed (signed out, expired token, not an administrator)
  9    network failure (unreachable, timed out, TLS error, server error, rate limit)
  10   not supported by this server (e.g. downloads where it has no such route)
  11   status --check: no backup, or the newest is older than --max-age
  12   status --check: less free space than twice the newest backup
  13   status --check: the installed schedule&apos;s timer is not active (the backup
       is otherwise healthy)
  130  cancelled (Ctrl+C or SIGTERM)
</source>
        <translation>Aufruf: fastcms-backup [Optionen] &lt;Befehl&gt; [Argumente]

Zuverlässige, FastCMS-kompatible Sicherungen eines FastCMS-Datenordners oder eines
FastCMS-Servers über dessen REST-API (--server).

Befehle:
  create                 Sichert die Datenbank (ein konsistenter Schnappschuss, auch
                         während der Server schreibt) und alle hochgeladenen Dateien
                         nach backups/backup_YYYYMMDD_HHMMSS.zip
  list                   Listet die Sicherungen auf, neueste zuerst (--page, --per-page)
  delete &lt;Name&gt;          Löscht eine Sicherung (ein einfacher *.zip-Name im
                         Sicherungsordner)
  verify &lt;Name&gt;          Prüft CRCs, SHA256SUMS, die Integrität der Datenbank und die
                         Metadaten (bei einem Server: lädt die Sicherung zuerst herunter,
                         sofern der Server dies erlaubt)
  drill &lt;Name&gt;           Probt eine Wiederherstellung in einem Wegwerfordner: Entpacken,
                         Prüfsummen, Integritäts- und Fremdschlüsselprüfung, Zeilen je
                         Tabelle; das Ergebnis erscheint in der Spalte „Zuletzt geprüft“
                         der Konsole
  diff &lt;Name&gt;            Was sich zwischen einer Sicherung und den Live-Daten (oder
                         mit --against einer anderen Sicherung) unterscheidet: Zeilen
                         je Tabelle seitdem hinzugekommen, gelöscht und geändert,
                         Schemaänderungen, Uploads hinzugekommen, gelöscht und
                         geändert. --table T --rows listet die Zeilen auf
  export &lt;Name&gt;          Zeilen einer Tabelle der Datenbank der Sicherung (--table), alle
                         oder nach --key, als JSON, CSV oder SQL-INSERT-Anweisungen zum
                         Prüfen und Anwenden von Hand (--format); auf die Standardausgabe
                         oder nach --output. In die Live-Datenbank wird nichts geschrieben
  stage-restore &lt;Name&gt;   Prüft eine Sicherung und merkt sie zur Wiederherstellung vor;
                         FastCMS wendet sie beim nächsten Start an
  unstage                Hebt eine vorgemerkte Wiederherstellung auf (nur bei lokalen
                         Datenordnern)
  apply-restore          Wendet die vorgemerkte Wiederherstellung sofort an (der
                         Server muss gestoppt sein); behält app.db.before_restore
                         und files_before_restore/. Nach einer Unterbrechung
                         schließt es die Wiederherstellung ab; mit --abandon
                         macht es sie stattdessen rückgängig
  status                 Ausstehende Wiederherstellung, neueste Sicherung und deren
                         Alter, laufende Vorgänge
  download &lt;Name&gt;        Kopiert eine Sicherung nach --output (Standard: der aktuelle
                         Ordner), setzt einen unvollständigen Download fort und prüft
                         die Kopie
  upload &lt;ZIP&gt;           Fügt eine ZIP-Sicherung von diesem Rechner hinzu, nachdem sie
                         geprüft wurde
  ls &lt;Name&gt; [&lt;Pfad&gt;]     Was eine Sicherung enthält, aus ihrem ZIP-Verzeichnis: Größe
                         und Zeit (--long: auch komprimierte Größe und CRC-32), mit
                         &lt;Pfad&gt; nur dieser Eintrag oder Ordner (etwa files/photos/);
                         Namen, die eine Wiederherstellung ablehnen würde, erscheinen
                         markiert
  extract &lt;Name&gt; &lt;Pfad&gt;...
                         Schreibt Dateien oder ganze Ordner einer Sicherung unter ihrem
                         Pfad darin nach --output, jede gegen ihre CRC-32 und
                         SHA256SUMS geprüft; nie über eine vorhandene Datei ohne --force
  restore-file &lt;Name&gt; &lt;files/Pfad&gt;
                         Legt eine hochgeladene Datei in den Ordner files zurück; eine
                         Datei dieses Namens wird zuvor als NAME.before_restore behalten
  history &lt;files/Pfad&gt;   Jede Sicherung, die eine hochgeladene Datei enthält, neueste
                         zuerst, mit Größe und CRC-32, und wo sie hinzukam, sich änderte
                         oder fehlte; das ZIP-Verzeichnis jeder Sicherung wird einmal
                         gelesen und zwischengespeichert
  login                  Meldet sich mit --email bei --server an; mit --save-token DATEI
                         werden die Tokens für spätere Aufrufe in DATEI gespeichert
                         (nur für Sie lesbar)
  forget-restore         Vergisst die auf --server vorgemerkte Wiederherstellung, sobald
                         der Server neu gestartet ist und sie angewendet hat (der
                         Server bietet keine Route, die das meldet)
  prune                  Löscht die Sicherungen, die eine Aufbewahrungsregel nicht behält
                         (Standard: 7 täglich, 4 wöchentlich, 12 monatlich); --dry-run
                         zeigt jede Sicherung mit „behalten“ oder „löschen“ und dem Grund.
                         Die neueste sowie angeheftete und vorgemerkte Sicherungen bleiben
                         immer erhalten
  pin &lt;Name&gt;, unpin &lt;Name&gt;
                         Eine Sicherung bei jedem prune behalten, oder nicht mehr
  offsite push [&lt;Name&gt;]  Kopiert Sicherungen mit rclone auswärts (nach --offsite): die
                         genannte oder jede, die dort noch fehlt; ersetzt oder löscht dort
                         nie etwas
  offsite list           Die auswärtigen Sicherungen, und welche davon auch hier liegen
  offsite pull &lt;Name&gt;    Holt eine Sicherung von auswärts zurück, geprüft und bereit zur
                         Wiederherstellung
  offsite delete &lt;Name&gt;  Löscht eine auswärtige Sicherung (nur auf diese ausdrückliche
                         Anweisung)
  schedule               Gibt einen systemd-Timer und -Dienst (für den Benutzer) aus,
                         die create und danach prune ausführen (--every, --at; --cron
                         für eine crontab-Zeile); mit --install werden sie geschrieben
                         (bzw. die Zeile in Ihre crontab eingetragen) und Lingering
                         eingeschaltet, ohne das der Timer beim Abmelden anhält. Mit
                         --system stattdessen Units für das System, die laufen, auch
                         wenn niemand angemeldet ist
  demo                   Erstellt einen Demo-Datenordner unter --data-dir (sofern
                         dort noch keine app.db vorhanden ist)

Lokale Optionen:
  --data-dir &lt;Ordner&gt;    Datenordner des Servers (Standard: ./data)
  --db &lt;Datei&gt;           Datenbank (Standard: &lt;data-dir&gt;/app.db; DATABASE_URL von
                         FastCMS)
  --files-dir &lt;Ordner&gt;   Hochgeladene Dateien (Standard: &lt;data-dir&gt;/files;
                         LOCAL_STORAGE_PATH von FastCMS)
  --backups-dir &lt;Ordner&gt; Sicherungen (Standard: &lt;data-dir&gt;/backups)

Server-Optionen (Zugangsdaten werden nie auf der Befehlszeile übergeben):
  --server &lt;URL&gt;         Ein FastCMS-Server, z. B. https://cms.example.org
  --token-file &lt;Datei&gt;   Ein Zugriffstoken oder die von login --save-token geschriebene
                         Datei (wird aktualisiert, wenn der Server das Refresh-Token
                         erneuert)
  --api-key-file &lt;Datei&gt; Ein API-Schlüssel (fcms_...), gesendet als X-API-Key
  --email &lt;Adresse&gt;      Anmeldung mit einem Passwort aus --password-file,
                         FASTCMS_PASSWORD oder einer Eingabeaufforderung; einem
                         Zwei-Faktor-Code aus FASTCMS_2FA_CODE oder einer
                         Eingabeaufforderung
  --password-file &lt;Datei&gt;
                         Das Passwort für --email
  --save-token &lt;Datei&gt;   login: wo die Tokens gespeichert werden
  --timeout &lt;Sekunden&gt;   Wie lange eine Antwort des Servers dauern darf (Standard: 30)
  Ohne diese Optionen werden FASTCMS_TOKEN oder FASTCMS_API_KEY verwendet, sofern
  gesetzt.

Weitere Optionen:
  --page &lt;n&gt;             list, diff --rows: Seitennummer, ab 1 (Standard: 1)
  --per-page &lt;n&gt;         list, diff --rows: Einträge pro Seite, 1 bis 1000 (Standard: 20)
  --against &lt;Name|live&gt;  diff: mit dieser Sicherung statt mit den Live-Daten vergleichen
  --table &lt;Name&gt;         diff: nur diese Tabelle; export: die zu exportierende Tabelle
  --key &lt;Wert&gt;           export: die Zeile mit diesem Schlüssel (mehrfach möglich); Exit-Code 3,
                         wenn einer in der Sicherung fehlt
  --format &lt;Format&gt;      export: json, csv oder sql (Standard: json)
  --force                extract, export: vorhandene Dateien ersetzen
  --rows                 diff: die Zeilen von --table auflisten, die sich unterscheiden,
                         mit altem und neuem Wert geänderter Spalten (gekürzt ab 200 Bytes)
  --trigger &lt;Art&gt;        create: manual, scheduled oder pre-restore (Standard: manual)
  --abandon              apply-restore: eine unterbrochene Wiederherstellung rückgängig
                         machen
  --wait-lock &lt;Dauer&gt;    So lange (90s, 10m, 2h) auf einen anderen Vorgang am selben
                         Datenordner warten, statt mit Exit-Code 4 abzubrechen
  --keep-last &lt;n&gt;, --keep-daily &lt;n&gt;, --keep-weekly &lt;n&gt;, --keep-monthly &lt;n&gt;,
  --keep-yearly &lt;n&gt;      prune: die Aufbewahrungsregeln, mit ODER verknüpft (Kalender in
                         UTC, Wochen ab Montag)
  --dry-run              prune: nur zeigen, was gelöscht würde
  --check                status: Exit-Code 11, wenn die neueste Sicherung zu alt ist, 12,
                         wenn der Platz knapp ist, 13, wenn der Timer des
                         eingerichteten Zeitplans nicht aktiv ist (für die Überwachung)
  --max-age &lt;Stunden&gt;    status: wie alt die neueste Sicherung sein darf (Standard: was
                         der eingerichtete Zeitplan erlaubt: stündlich 2, täglich 26,
                         wöchentlich 170)
  --heartbeat-url &lt;URL&gt;  create: diese URL nach einer erfolgreichen Sicherung aufrufen
  --offsite &lt;Remote&gt;     Ein rclone-Remote mit Ordner für auswärtige Kopien, etwa
                         s3:bucket/fastcms oder ein crypt-Remote für Verschlüsselung
                         (Standard: FASTCMS_BACKUP_OFFSITE); create kopiert die neue
                         Sicherung auch dorthin
  --output &lt;Pfad&gt;        download: ein Ordner oder ein Dateiname (Standard: .);
                         extract: der Ordner, in den geschrieben wird (nötig);
                         export: die Datei (Standard: die Standardausgabe)
  --long                 ls: auch komprimierte Größe und CRC-32 jedes Eintrags
  --every &lt;Intervall&gt;    schedule: hourly, daily oder weekly (montags) (Standard: daily)
  --at &lt;Uhrzeit&gt;         schedule: wann, etwa 03:00; bei hourly zählen die Minuten
  --cron                 schedule: eine crontab-Zeile statt systemd-Units
  --install              schedule: die Units schreiben bzw. die crontab-Zeile eintragen
  --system               schedule: Units für /etc/systemd/system (root für --install),
                         die als Eigentümer des Datenordners laufen (bei einem Server:
                         als Sie)
  --json                 Gibt ein einzelnes JSON-Objekt auf der Standardausgabe aus
  -q, --quiet            Keine Fortschrittsanzeige und keine Meldungen bei Erfolg
  -h, --help             Zeigt diese Hilfe an
  -v, --version          Zeigt die Version an

Der Fortschritt wird nur in einem Terminal angezeigt. Strg+C bricht sauber ab: Es
bleiben keine halb geschriebenen Daten zurück.

Exit-Codes:
  0    Erfolg
  1    unerwarteter Fehler
  2    Aufruffehler (unbekannter Befehl oder unbekannte Option, ungültiger
       Sicherungsname)
  3    nicht gefunden (keine solche Sicherung, Datenbank oder vorgemerkte
       Wiederherstellung)
  4    belegt (ein anderer Vorgang läuft in diesem Datenordner, oder der Server
       hat die Datenbank während apply-restore geöffnet)
  5    ungültiges Archiv (Prüfung fehlgeschlagen, manipuliertes oder beschädigtes
       Archiv)
  6    E/A-Fehler, auch bei nicht genügend freiem Speicherplatz; schedule --system
       --install ohne Schreibrecht für /etc/systemd/system (nicht root)
  7    Konflikt (z. B. Löschen der Sicherung, die zur Wiederherstellung
       vorgemerkt ist, oder extract über eine vorhandene Datei ohne --force)
  8    Authentifizierung fehlgeschlagen (abgemeldet, abgelaufenes Token, kein
       Administrator)
  9    Netzwerkfehler (nicht erreichbar, Zeitüberschreitung, TLS-Fehler,
       Serverfehler, Anfragelimit überschritten)
  10   von diesem Server nicht unterstützt (z. B. Downloads, wenn er dafür keine
       Route hat)
  11   status --check: keine Sicherung, oder die neueste ist älter als --max-age
  12   status --check: weniger freier Platz als die doppelte Größe der neuesten Sicherung
  13   status --check: der Timer des eingerichteten Zeitplans ist nicht aktiv (die
       Sicherung ist sonst in Ordnung)
  130  abgebrochen (Strg+C oder SIGTERM)
</translation>
    </message>
</context>
<context>
    <name>fcb::ConnectionController</name>
    <message>
        <source>Open &amp;Data Folder…</source>
        <translation>&amp;Datenordner öffnen…</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Manage the backups of a FastCMS data folder on this computer (Ctrl+O)</source>
        <translation>Die Sicherungen eines FastCMS-Datenordners auf diesem Computer verwalten (Strg+O)</translation>
    </message>
    <message>
        <source>Manage the backups of a FastCMS server through its API</source>
        <translation>Die Sicherungen eines FastCMS-Servers über seine API verwalten</translation>
    </message>
    <message>
        <source>Plain http:// to another machine: credentials and backups cross the network unencrypted.</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner: Zugangsdaten und Sicherungen gehen unverschlüsselt über das Netzwerk.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
</context>
<context>
    <name>fcb::CurlController</name>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url-Befehl kopieren</translation>
    </message>
    <message>
        <source>&amp;List Backups</source>
        <translation>Sicherungen &amp;auflisten</translation>
    </message>
    <message>
        <source>&amp;Create a Backup</source>
        <translation>Sicherung &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Download the Selected Backup</source>
        <translation>Ausgewählte Sicherung &amp;herunterladen</translation>
    </message>
    <message>
        <source>De&amp;lete the Selected Backup</source>
        <translation>Ausgewählte Sicherung &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Stage the Selected Backup for Restore</source>
        <translation>Ausgewählte Sicherung zur &amp;Wiederherstellung vormerken</translation>
    </message>
    <message>
        <source>&amp;Upload a Backup</source>
        <translation>Sicherung &amp;hochladen</translation>
    </message>
    <message>
        <source>Copied a curl command; it reads the API key from $FASTCMS_API_KEY.</source>
        <translation>Ein curl-Befehl wurde kopiert; er liest den API-Schlüssel aus $FASTCMS_API_KEY.</translation>
    </message>
    <message>
        <source>Copied a curl command; it reads the token from $FASTCMS_TOKEN.</source>
        <translation>Ein curl-Befehl wurde kopiert; er liest das Token aus $FASTCMS_TOKEN.</translation>
    </message>
</context>
<context>
    <name>fcb::DiffController</name>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Show what differs between the two selected backups: records, schema and uploads</source>
        <translation>Zeigt, was sich zwischen den beiden ausgewählten Sicherungen unterscheidet: Datensätze, Schema und Uploads</translation>
    </message>
    <message>
        <source>What this restore changes cannot be shown: a server&apos;s live data is out of reach of its API.</source>
        <translation>Was diese Wiederherstellung ändert, kann nicht angezeigt werden: Die Live-Daten eines Servers sind über seine API nicht erreichbar.</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>%1 mit %2 vergleichen</translation>
    </message>
    <message>
        <source>Another job is running; export the rows when it is done.</source>
        <translation>Ein anderer Vorgang läuft; exportieren Sie die Zeilen, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Export rows of %1</source>
        <translation>Zeilen von %1 exportieren</translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation>Zeilen exportieren</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2.</source>
        <translation>%1 Zeilen nach %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>fcb::DiffView</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>&amp;Export Rows…</source>
        <translation>Zeilen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the selected rows (or the whole table) of the backup to a file</source>
        <translation>Schreibt die ausgewählten Zeilen (oder die ganze Tabelle) der Sicherung in eine Datei</translation>
    </message>
    <message>
        <source>Working out what this restore changes…</source>
        <translation>Es wird ermittelt, was diese Wiederherstellung ändert…</translation>
    </message>
    <message>
        <source>Comparing the two backups…</source>
        <translation>Die beiden Sicherungen werden verglichen…</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>The differences could not be worked out: %1</source>
        <translation>Die Unterschiede konnten nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>%1 you would lose</source>
        <translation>%1 gingen verloren</translation>
    </message>
    <message>
        <source>%1 added since</source>
        <translation>%1 seitdem hinzugekommen</translation>
    </message>
    <message>
        <source>%1 brought back</source>
        <translation>%1 zurückgeholt</translation>
    </message>
    <message>
        <source>%1 deleted since</source>
        <translation>%1 seitdem gelöscht</translation>
    </message>
    <message>
        <source>%1 changed back</source>
        <translation>%1 zurückgeändert</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>Nothing changes: the backup holds what the live data holds.</source>
        <translation>Nichts ändert sich: Die Sicherung enthält, was die Live-Daten enthalten.</translation>
    </message>
    <message>
        <source>The two backups hold the same records and uploads.</source>
        <translation>Die beiden Sicherungen enthalten dieselben Datensätze und Uploads.</translation>
    </message>
    <message>
        <source>What this restore changes:</source>
        <translation>Was diese Wiederherstellung ändert:</translation>
    </message>
    <message>
        <source>What changed between them:</source>
        <translation>Was sich zwischen ihnen geändert hat:</translation>
    </message>
    <message>
        <source>table brought back</source>
        <translation>Tabelle zurückgeholt</translation>
    </message>
    <message>
        <source>table deleted since</source>
        <translation>Tabelle seitdem gelöscht</translation>
    </message>
    <message>
        <source>table you would lose</source>
        <translation>Tabelle ginge verloren</translation>
    </message>
    <message>
        <source>table added since</source>
        <translation>Tabelle seitdem hinzugekommen</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>%1 definitions differ</source>
        <translation>%1 Definitionen unterscheiden sich</translation>
    </message>
    <message>
        <source>you would lose</source>
        <translation>ginge verloren</translation>
    </message>
    <message>
        <source>added since</source>
        <translation>seitdem hinzu</translation>
    </message>
    <message>
        <source>brought back</source>
        <translation>zurückgeholt</translation>
    </message>
    <message>
        <source>deleted since</source>
        <translation>seitdem gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>; columns %1: %2</source>
        <translation>; Spalten %1: %2</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>you would lose (%1)</source>
        <translation>ginge verloren (%1)</translation>
    </message>
    <message>
        <source>added since (%1)</source>
        <translation>seitdem hinzugekommen (%1)</translation>
    </message>
    <message>
        <source>brought back (%1)</source>
        <translation>zurückgeholt (%1)</translation>
    </message>
    <message>
        <source>deleted since (%1)</source>
        <translation>seitdem gelöscht (%1)</translation>
    </message>
    <message>
        <source>changed (%1 → %2)</source>
        <translation>geändert (%1 → %2)</translation>
    </message>
    <message>
        <source>Loading the rows…</source>
        <translation>Die Zeilen werden geladen…</translation>
    </message>
    <message>
        <source>The rows could not be read: %1</source>
        <translation>Die Zeilen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no such table</source>
        <translation>keine solche Tabelle</translation>
    </message>
    <message>
        <source>… and %1 more rows</source>
        <translation>… und %1 weitere Zeilen</translation>
    </message>
    <message>
        <source>fastcms-backup diff --table %1 --rows lists them all</source>
        <translation>fastcms-backup diff --table %1 --rows listet sie alle auf</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>records: %1; uploads: %2.</source>
        <translation>Datensätze: %1; Uploads: %2.</translation>
    </message>
</context>
<context>
    <name>fcb::DrillController</name>
    <message>
        <source>Restore &amp;Drill</source>
        <translation>Wiederherstellungs&amp;probe</translation>
    </message>
    <message>
        <source>Restore the selected backup into a throw-away folder and check it end to end</source>
        <translation>Die ausgewählte Sicherung in einen Wegwerfordner wiederherstellen und vollständig prüfen</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>Wiederherstellungsprobe</translation>
    </message>
    <message>
        <source>%1 restores: %2 (%3 s).</source>
        <translation>%1 lässt sich wiederherstellen: %2 (%3 s).</translation>
    </message>
    <message>
        <source>%1 would NOT restore: %2</source>
        <translation>%1 ließe sich NICHT wiederherstellen: %2</translation>
    </message>
</context>
<context>
    <name>fcb::JobRunner</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled; nothing was left half-written.</source>
        <translation>Abgebrochen; es sind keine halb geschriebenen Daten zurückgeblieben.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>fcb::JobsModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>fcb::JobsPanel</name>
    <message>
        <source>Cancel Job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
</context>
<context>
    <name>fcb::MainWindow</name>
    <message>
        <source>FastCMS Backup Console</source>
        <translation>FastCMS Backup Console</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>%1 — FastCMS Backup Console</source>
        <translation>%1 — FastCMS Backup Console</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sicherungen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No backups yet: press Create Backup (Ctrl+N) to make the first one.</source>
        <translation>Noch keine Sicherungen vorhanden: Klicken Sie auf „Sicherung erstellen“ (Strg+N), um die erste zu erstellen.</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Noch keine Sicherung</translation>
    </message>
    <message>
        <source>Newest backup: %1 (%2)</source>
        <translation>Neueste Sicherung: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes when the console starts again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source> — older than a day</source>
        <translation> — älter als ein Tag</translation>
    </message>
    <message>
        <source> — only %1 free</source>
        <translation> — nur %1 frei</translation>
    </message>
    <message>
        <source> · backups use %1</source>
        <translation> · Sicherungen belegen %1</translation>
    </message>
    <message numerus="yes">
        <source> — older than the schedule allows (%n hour(s))</source>
        <translation>
            <numerusform> — älter, als der Zeitplan erlaubt (%n Stunde)</numerusform>
            <numerusform> — älter, als der Zeitplan erlaubt (%n Stunden)</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 free</source>
        <translation>, %1 frei</translation>
    </message>
    <message>
        <source>The backups could not be listed: %1</source>
        <translation>Die Sicherungen konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>fcb::OffsiteController</name>
    <message>
        <source>Copy &amp;Off-site</source>
        <translation>&amp;Auswärts kopieren</translation>
    </message>
    <message>
        <source>Copy the selected backups (or all that are missing there) to the off-site target with rclone</source>
        <translation>Die ausgewählten Sicherungen (oder alle, die dort fehlen) mit rclone zum auswärtigen Ziel kopieren</translation>
    </message>
    <message>
        <source>Off-site &amp;Target…</source>
        <translation>Auswärtiges &amp;Ziel…</translation>
    </message>
    <message>
        <source>Choose the rclone remote that keeps off-site copies</source>
        <translation>Das rclone-Remote wählen, das die auswärtigen Kopien aufbewahrt</translation>
    </message>
    <message>
        <source>No off-site target: choose one under Backups ▸ Off-site Target…</source>
        <translation>Kein auswärtiges Ziel: wählen Sie eines unter Sicherungen ▸ Auswärtiges Ziel…</translation>
    </message>
    <message>
        <source>Copy off-site</source>
        <translation>Auswärts kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) copied; these were not: %1</source>
        <translation>
            <numerusform>%n Sicherung kopiert; diese nicht: %1</numerusform>
            <numerusform>%n Sicherungen kopiert; diese nicht: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) copied to %1; %2 already there.</source>
        <translation>
            <numerusform>%n Sicherung nach %1 kopiert; %2 bereits dort.</numerusform>
            <numerusform>%n Sicherungen nach %1 kopiert; %2 bereits dort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Off-site Target</source>
        <translation>Auswärtiges Ziel</translation>
    </message>
    <message>
        <source>An rclone remote and folder for off-site copies, such as s3:bucket/fastcms, a crypt remote for encryption at rest, or a folder (empty: none). rclone&apos;s own configuration keeps the credentials.</source>
        <translation>Ein rclone-Remote mit Ordner für auswärtige Kopien, etwa s3:bucket/fastcms, ein crypt-Remote für Verschlüsselung oder ein Ordner (leer: keines). Die Zugangsdaten stehen in rclones eigener Konfiguration.</translation>
    </message>
</context>
<context>
    <name>fcb::PaginationBar</name>
    <message numerus="yes">
        <source>%n per page</source>
        <translation>
            <numerusform>%n pro Seite</numerusform>
            <numerusform>%n pro Seite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s)</source>
        <translation>
            <numerusform>Gesamt: %n Sicherung</numerusform>
            <numerusform>Gesamt: %n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>fcb::PruneController</name>
    <message>
        <source>&amp;Prune…</source>
        <translation>&amp;Aufräumen…</translation>
    </message>
    <message>
        <source>Show which backups the retention policy (7 daily, 4 weekly, 12 monthly) would delete</source>
        <translation>Zeigen, welche Sicherungen die Aufbewahrungsregel (7 täglich, 4 wöchentlich, 12 monatlich) löschen würde</translation>
    </message>
    <message>
        <source>Delete Them…</source>
        <translation>Diese löschen…</translation>
    </message>
    <message>
        <source>Delete the backups the preview marks</source>
        <translation>Die in der Vorschau markierten Sicherungen löschen</translation>
    </message>
    <message>
        <source>Close Preview</source>
        <translation>Vorschau schließen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Backup(s)…</source>
        <translation>
            <numerusform>%n Sicherung löschen…</numerusform>
            <numerusform>%n Sicherungen löschen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prune preview (7 daily, 4 weekly, 12 monthly): all %n backup(s) are kept.</source>
        <translation>
            <numerusform>Aufräum-Vorschau (7 täglich, 4 wöchentlich, 12 monatlich): die %n Sicherung bleibt erhalten.</numerusform>
            <numerusform>Aufräum-Vorschau (7 täglich, 4 wöchentlich, 12 monatlich): alle %n Sicherungen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backup(s) would be deleted; see the Prune Preview column.</source>
        <translation>
            <numerusform>Aufräum-Vorschau (7 täglich, 4 wöchentlich, 12 monatlich): %1 von %n Sicherung würde gelöscht; siehe die Spalte Aufräum-Vorschau.</numerusform>
            <numerusform>Aufräum-Vorschau (7 täglich, 4 wöchentlich, 12 monatlich): %1 von %n Sicherungen würden gelöscht; siehe die Spalte Aufräum-Vorschau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::RestoreDialog</name>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restoring overwrites the server&apos;s current database and uploaded files.&lt;/b&gt;&lt;br&gt;The restore is staged now and takes effect when the FastCMS server restarts. The current data is kept as a safety copy.</source>
        <translation>&lt;b&gt;Beim Wiederherstellen werden die aktuelle Datenbank und die hochgeladenen Dateien des Servers überschrieben.&lt;/b&gt;&lt;br&gt;Die Wiederherstellung wird jetzt vorgemerkt und beim Neustart des FastCMS-Servers angewendet. Die aktuellen Daten werden als Sicherheitskopie aufbewahrt.</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>Sicherung:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Prüfung:</translation>
    </message>
    <message>
        <source>Type the backup&apos;s name to confirm:</source>
        <translation>Geben Sie zur Bestätigung den Namen der Sicherung ein:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>fcb::RestoreMarker</name>
    <message>
        <source>No restore is staged.</source>
        <translation>Es ist keine Wiederherstellung vorgemerkt.</translation>
    </message>
    <message>
        <source>Could not read the restore marker.</source>
        <translation>Die Wiederherstellungsmarkierung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The restore marker is unreadable.</source>
        <translation>Die Wiederherstellungsmarkierung ist ungültig.</translation>
    </message>
</context>
<context>
    <name>fcb::RowActionDelegate</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>fcb::ScheduleController</name>
    <message>
        <source>&amp;Schedule Backups…</source>
        <translation>Sicherungen &amp;planen…</translation>
    </message>
    <message>
        <source>A systemd timer or crontab line that backs up and prunes</source>
        <translation>Ein systemd-Timer oder eine crontab-Zeile, die sichert und aufräumt</translation>
    </message>
    <message>
        <source>First save a token file for the timer (it keeps itself current):
%1</source>
        <translation>Speichern Sie zuerst eine Token-Datei für den Timer (sie hält sich selbst aktuell):
%1</translation>
    </message>
</context>
<context>
    <name>fcb::ScheduleDialog</name>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Einrichten</translation>
    </message>
    <message>
        <source>Schedule Backups</source>
        <translation>Sicherungen planen</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Every Monday</source>
        <translation>Jeden Montag</translation>
    </message>
    <message>
        <source>systemd user timer</source>
        <translation>systemd-Timer (Benutzer)</translation>
    </message>
    <message>
        <source>crontab line</source>
        <translation>crontab-Zeile</translation>
    </message>
    <message>
        <source>The system runs the backups: a timer starts &lt;tt&gt;fastcms-backup create&lt;/tt&gt;, then &lt;tt&gt;prune&lt;/tt&gt; (7 daily, 4 weekly, 12 monthly). Status warnings follow this schedule once it is installed.</source>
        <translation>Das System führt die Sicherungen aus: ein Timer startet &lt;tt&gt;fastcms-backup create&lt;/tt&gt;, danach &lt;tt&gt;prune&lt;/tt&gt; (7 täglich, 4 wöchentlich, 12 monatlich). Sobald er eingerichtet ist, richten sich die Statuswarnungen nach diesem Zeitplan.</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Ausführen:</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Mit:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>&amp;Add to Crontab</source>
        <translation>In crontab &amp;eintragen</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Wird eingerichtet…</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Nicht eingerichtet: %1</translation>
    </message>
    <message>
        <source>Added the line to your crontab.</source>
        <translation>Die Zeile wurde in Ihre crontab eingetragen.</translation>
    </message>
    <message>
        <source>Wrote %1. Start it with: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now %2.timer</source>
        <translation>%1 geschrieben. Starten Sie ihn mit: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now %2.timer</translation>
    </message>
</context>
<context>
    <name>fcb::ScreenshotTour</name>
    <message>
        <source>Verified: sound.</source>
        <translation>Geprüft: intakt.</translation>
    </message>
</context>
<context>
    <name>fcb::SignInDialog</name>
    <message>
        <source>Two-factor code:</source>
        <translation>Zwei-Faktor-Code:</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Connect to a FastCMS server</source>
        <translation>Mit einem FastCMS-Server verbinden</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-Mail und Passwort</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>fcms_…</source>
        <translation>fcms_…</translation>
    </message>
    <message>
        <source>This is plain http:// to another machine: your password or token would cross the network unencrypted.</source>
        <translation>Dies ist unverschlüsseltes http:// zu einem anderen Rechner: Ihr Passwort oder Token ginge unverschlüsselt über das Netzwerk.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://cms.example.org</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://cms.example.org</translation>
    </message>
    <message>
        <source>Enter the two-factor code from your authenticator app.</source>
        <translation>Geben Sie den Zwei-Faktor-Code aus Ihrer Authenticator-App ein.</translation>
    </message>
</context>
</TS>
