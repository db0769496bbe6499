// The public header must compile as C++ (extern "C", no C-only constructs).
#include <wirenews.h>

#include <cstring>

int main() {
    wn_options o;
    wn_options_init(&o);
    wn_doc *doc = nullptr;
    const char text[] = "Harbour ferry returns\nThe ferry crossed the bay on Tuesday.";
    if (wn_parse(text, sizeof text - 1, &o, &doc) != WN_OK)
        return 1;
    size_t len = 0;
    const char *h = wn_doc_headline(doc, &len);
    int ok = h && std::strlen(h) == len;
    wn_doc_free(doc);
    return ok ? 0 : 1;
}
