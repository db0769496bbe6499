/* The public header must compile as strict C99 with every warning on. */
#include <wirenews.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    wn_options o;
    wn_doc *doc = NULL;
    wn_options_init(&o);
    if (wn_parse("Title line here\nBody.", 21, &o, &doc) != WN_OK)
        return 1;
    wn_doc_free(doc);
    return strcmp(wn_version(), WN_VERSION_STRING) != 0;
}
