#pragma once

namespace fcb::curl {

// The requests a server's backend can show as a curl command (Backend::curlCommand), and how
// the command authenticates: a Bearer token from $FASTCMS_TOKEN or a key from $FASTCMS_API_KEY.
enum class Action
{
    List,
    Create,
    Restore,
    Delete,
    Download,
    Upload
};
enum class Auth
{
    Token,
    ApiKey
};

} // namespace fcb::curl
