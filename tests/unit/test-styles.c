/* Whole articles in the layouts of common publishers (text written for the
 * test): the recognizers must work together on each. */
#include "unit.h"

static const char *const guardian_text =
    "Ferry operators warn of summer strikes as talks stall\n"
    "Unions say pay offer falls short of inflation, while companies blame fuel costs\n"
    "Maria Keller Transport correspondent\n"
    "Mon 18 Nov 2019 12.34 GMT\n"
    "First published on Mon 18 Nov 2019 10.00 GMT\n"
    "Share on Facebook\n"
    "Share on Twitter\n"
    "Share via Email\n"
    "Ferry crews on three of the country's busiest routes could walk out in July, union leaders "
    "said on Monday, after a fourth round of talks ended without agreement.\n"
    "The union said its members had been offered a rise of 2%, well below the rate of inflation.\n"
    "Passengers queue at the terminal in Dover. Photograph: Andrew Milligan/PA\n"
    "\"We have been patient for a very long time,\" said the union's general secretary, Ruth "
    "Adeyemi. \"Our members are running out of patience.\"\n"
    "The operators said higher fuel costs meant they could not afford more.\n"
    "Strike threat\n"
    "A ballot of members will close on 2 December. If a majority vote for action, the first "
    "stoppage could come within weeks.\n"
    "Topics\n"
    "Ferries\n"
    "Trade unions\n"
    "Transport\n";

static const char *const nyt_text =
    "Supported by\n"
    "Continue reading the main story\n"
    "City Council Approves Plan for Waterfront Park\n"
    "The $40 million project, delayed for years, would turn an abandoned rail yard into green "
    "space.\n"
    "By Jane Doe and Alan Smith\n"
    "Nov. 18, 2019\n"
    "Updated 5:04 p.m. ET\n"
    "The City Council on Monday approved a long-delayed plan to turn an abandoned rail yard on the "
    "waterfront into a park, ending a decade of disputes over the site.\n"
    "The vote was 9 to 2.\n"
    "Image\n"
    "Workers cleared debris from the rail yard in September.Credit...Sam Okafor for The New York "
    "Times\n"
    "\xE2\x80\x9CThis is a good day for the neighborhood,\xE2\x80\x9D said Councilwoman Ana Ruiz, "
    "who represents the district.\n"
    "Advertisement\n"
    "Continue reading the main story\n"
    "Opponents, including a group of local business owners, said the project would raise rents in "
    "the area.\n"
    "A version of this article appears in print on Nov. 19, 2019, Section A, Page 24 of the New "
    "York edition with the headline: Council Backs Waterfront Park. Order Reprints | "
    "Today\xE2\x80\x99s Paper | Subscribe\n";

static const char *const mail_text =
    "Pensioner, 82, rescues swan trapped in frozen canal as passers-by film\n"
    "By JANE DOE FOR MAILONLINE\n"
    "PUBLISHED: 10:48 EST, 19 November 2019 | UPDATED: 11:05 EST, 19 November 2019\n"
    "An 82-year-old grandmother waded into a frozen canal to free a swan trapped in the ice, as "
    "stunned onlookers filmed the rescue.\n"
    "Margaret Hill, from Leeds, spotted the bird struggling on Tuesday morning.\n"
    "+5\n"
    "Mrs Hill carries the swan to the bank of the canal on Tuesday\n"
    "'I couldn't just leave it there,' she said.\n"
    "Share or comment on this article:\n";

static const char *const fox_text =
    "Police arrest suspect in string of bank robberies\n"
    "close\n"
    "Video\n"
    "Suspect arrested after bank robberies\n"
    "A man suspected of robbing five banks across two states was arrested on Sunday, police said.\n"
    "The suspect, 34, was taken into custody at a motel near the state line.\n"
    "CLICK HERE TO GET THE FOX NEWS APP\n"
    "Police said the man used a note demanding cash in each robbery.\n"
    "Fox News' John Roe and The Associated Press contributed to this report.\n";

static const char *const reuters_text =
    "3 Min Read\n"
    "LONDON (Reuters) - British ferry operator Harbour Lines said on Tuesday it would cut 500 jobs "
    "as it struggles with higher fuel costs.\n"
    "The company, which runs services across the Irish Sea, said the cuts would affect mainly "
    "shore staff.\n"
    "FILE PHOTO: A ferry leaves the port of Holyhead, Wales, Britain, May 3, 2019. REUTERS/Phil "
    "Noble/File Photo\n"
    "Shares in the company fell 4% in early trading.\n"
    "Reporting by Kate Holton; Editing by Alexander Smith\n"
    "Our Standards: The Thomson Reuters Trust Principles.\n";

static const char *const bbc_text =
    "Ferry service to resume after 10-year gap\n"
    "18 November 2019\n"
    "Share this with\n"
    "Email\n"
    "Facebook\n"
    "Messenger\n"
    "Twitter\n"
    "Copy this link\n"
    "These are external links and will open in a new window\n"
    "Image copyright\n"
    "PA Media\n"
    "Image caption\n"
    "The ferry last ran in 2009\n"
    "A ferry service between two island communities is to resume after a gap of ten years.\n"
    "The council said the route would run twice a day from April.\n"
    "Local councillor John Smith said it was \"fantastic news\" for residents.\n"
    "Related Topics\n"
    "Ferries\n"
    "Scotland\n";

static const char *const cnn_text = "Updated 1:42 PM ET, Mon November 18, 2019\n"
                                    "(CNN) A ferry carrying more than 200 passengers ran aground "
                                    "off the coast on Monday, officials said.\n"
                                    "No injuries were reported, according to the coast guard.\n"
                                    "Read More\n"
                                    "The ferry was refloated at high tide, a spokesman said.\n"
                                    "CNN's Jane Doe contributed to this report.\n";

static const char *const ap_latest_text =
    "The Latest: Storm knocks out power to 50,000 homes\n"
    "PORTSMOUTH, N.H. (AP) \xE2\x80\x94 The Latest on the storm hitting New England (all times "
    "local):\n"
    "\n"
    "11:30 a.m.\n"
    "\n"
    "Utility officials say about 50,000 homes and businesses remain without power after the "
    "storm.\n"
    "\n"
    "Crews from three states are helping to restore service.\n"
    "\n"
    "___\n"
    "\n"
    "9:45 a.m.\n"
    "\n"
    "Schools in several towns have closed for the day.\n"
    "\n"
    "The National Weather Service says winds gusted to 70 mph along the coast.\n"
    "\n"
    "___\n"
    "\n"
    "Associated Press writer Kim Lee in Boston contributed to this report.\n";

static const char *const earnings_text = "ACME CORP <ACME> 4TH QTR NET\n"
                                         "\n"
                                         "    CHICAGO, March 2 -\n"
                                         "    Shr 35 cts vs 30 cts\n"
                                         "    Net 4,500,000 vs 3,900,000\n"
                                         "    Revs 120.5 mln vs 110.3 mln\n"
                                         "    Year\n"
                                         "    Shr 1.20 dlrs vs 1.05 dlrs\n"
                                         "    Net 15.6 mln vs 13.2 mln\n"
                                         " Reuter\n";

static const char *const tweets2_text =
    "The senator responded on Twitter within minutes.\n"
    "Nobody is above the law. Not now, not ever. https://t.co/Ab12Cd34Ef\n"
    "\xE2\x80\x94 Sen. Jane Doe (@SenJaneDoe) November 19, 2019\n"
    "Others joined in.\n"
    "Today's vote was a disgrace.\xE2\x80\x94 John Roe (@johnroe) November 19, 2019\n"
    "This. \xF0\x9F\x91\x87 pic.twitter.com/Zz99Yy88Xx \xE2\x80\x94 Ana Ruiz "
    "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 (@anaruiz) Nov 19, 2019\n";

static const char *const politico_text =
    "Senate passes stopgap bill to avert shutdown\n"
    "The measure now goes to the House, where leaders expect a vote on Thursday.\n"
    "By JANE DOE\n"
    "11/19/2019 05:04 PM EST\n"
    "Updated 11/19/2019 07:12 PM EST\n"
    "The Senate on Tuesday passed a short-term spending bill that would keep the government open "
    "until Dec. 20.\n"
    "The vote was 74-20.\n"
    "Story Continued Below\n"
    "Democrats said they would use the extra weeks to negotiate a full-year deal.\n"
    "Jane Doe is a congressional reporter for Politico.\n";

static const char *const wapo_text =
    "The county board voted Tuesday to close two rural libraries, a decision that drew protests "
    "from residents who packed the meeting room.\n"
    "AD\n"
    "The libraries, in Oakdale and Pine Hill, serve about 3,000 people between them.\n"
    "AD\n"
    "AD\n"
    "\xE2\x80\x9CWe were never asked,\xE2\x80\x9D said Linda Park, a retired teacher who has used "
    "the Oakdale branch for 30 years.\n"
    "Read more:\n"
    "Libraries are adding more digital books. Readers still want paper.\n"
    "The rural towns where the last bank has closed\n"
    "AD\n";
/* Expected types of the blocks, in order. */
static void expect_types(const char *text, const char *types) {
    wn_doc *d = parse(text);
    ck_types(d, types);
    wn_doc_free(d);
}

static void expect_authors(const wn_doc *d, const char *first) {
    const wn_block *b = must_find(d, WN_BLOCK_BYLINE, 0);
    ck_assert_uint_ge(wn_block_authors_count(b), 1);
    ck_assert_pstr_eq(wn_block_authors_at(b, 0, NULL), first);
}

START_TEST(standfirst_and_role_byline) {
    expect_types(guardian_text, "headline dek byline timestamp timestamp noise noise noise "
                                "paragraph paragraph caption paragraph paragraph subhead paragraph "
                                "noise related related related");
    wn_doc *d = parse(guardian_text);
    expect_authors(d, "Maria Keller");
    ck_assert_pstr_eq(wn_doc_published(d, NULL), "2019-11-18T12:34");
    ck_assert_pstr_eq(wn_block_credit(must_find(d, WN_BLOCK_CAPTION, 0), NULL),
                      "Andrew Milligan/PA");
    wn_doc_free(d);
}
END_TEST

START_TEST(print_edition_layout) {
    expect_types(nyt_text, "noise noise headline dek byline timestamp timestamp paragraph "
                           "paragraph noise caption paragraph noise noise paragraph noise");
    wn_doc *d = parse(nyt_text);
    ck_assert_pstr_eq(wn_block_credit(must_find(d, WN_BLOCK_CAPTION, 0), NULL),
                      "Sam Okafor for The New York Times");
    wn_doc_free(d);
}
END_TEST

START_TEST(tabloid_layout) {
    expect_types(mail_text, "headline byline timestamp paragraph paragraph noise paragraph "
                            "paragraph noise");
    wn_doc *d = parse(mail_text);
    expect_authors(d, "JANE DOE");
    ck_assert_pstr_eq(wn_doc_published(d, NULL), "2019-11-19T10:48");
    wn_doc_free(d);
}
END_TEST

START_TEST(video_player_chrome) {
    wn_doc *d = parse(fox_text);
    ck_assert_pstr_eq(wn_doc_headline(d, NULL),
                      "Police arrest suspect in string of bank robberies");
    ck_assert_int_eq(wn_block_type(blk(d, 1)), WN_BLOCK_NOISE);
    ck_assert_int_eq(wn_block_type(blk(d, 6)), WN_BLOCK_NOISE); /* CLICK HERE ... */
    expect_authors(d, "John Roe");
    wn_doc_free(d);
}
END_TEST

START_TEST(wire_service_layout) {
    expect_types(reuters_text, "noise paragraph paragraph caption paragraph byline noise");
    wn_doc *d = parse(reuters_text);
    ck_assert_pstr_eq(wn_block_dateline_place(wn_doc_dateline(d), NULL), "LONDON");
    expect_authors(d, "Kate Holton");
    wn_doc_free(d);
}
END_TEST

START_TEST(share_button_column) {
    expect_types(bbc_text, "headline timestamp noise noise noise noise noise noise noise "
                           "caption paragraph paragraph paragraph noise related related");
}
END_TEST

START_TEST(agency_only_dateline) {
    expect_types(cnn_text, "timestamp paragraph paragraph noise paragraph byline");
    wn_doc *d = parse(cnn_text);
    ck_assert_pstr_eq(wn_block_dateline_agency(wn_doc_dateline(d), NULL), "CNN");
    ck_assert_ptr_null(wn_block_dateline_place(wn_doc_dateline(d), NULL));
    expect_authors(d, "Jane Doe");
    wn_doc_free(d);
}
END_TEST

START_TEST(entry_times_and_separators) {
    expect_types(ap_latest_text, "headline paragraph timestamp paragraph paragraph noise "
                                 "timestamp paragraph paragraph noise byline");
    wn_doc *d = parse(ap_latest_text);
    ck_assert_pstr_eq(wn_block_dateline_place(wn_doc_dateline(d), NULL), "PORTSMOUTH, N.H.");
    expect_authors(d, "Kim Lee");
    wn_doc_free(d);
}
END_TEST

START_TEST(table_of_figures) {
    expect_types(earnings_text, "headline paragraph paragraph paragraph paragraph paragraph "
                                "paragraph paragraph byline");
}
END_TEST

START_TEST(posts_in_three_layouts) {
    expect_types(tweets2_text, "paragraph tweet paragraph tweet tweet");
}
END_TEST

START_TEST(short_credit_and_ads) {
    expect_types(politico_text, "headline paragraph byline timestamp timestamp paragraph "
                                "paragraph noise paragraph paragraph");
    expect_types(wapo_text, "paragraph noise paragraph noise noise paragraph noise paragraph "
                            "paragraph noise");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("styles");
    TCase *tc = tcase_create("styles");
    tcase_add_test(tc, standfirst_and_role_byline);
    tcase_add_test(tc, print_edition_layout);
    tcase_add_test(tc, tabloid_layout);
    tcase_add_test(tc, video_player_chrome);
    tcase_add_test(tc, wire_service_layout);
    tcase_add_test(tc, share_button_column);
    tcase_add_test(tc, agency_only_dateline);
    tcase_add_test(tc, entry_times_and_separators);
    tcase_add_test(tc, table_of_figures);
    tcase_add_test(tc, posts_in_three_layouts);
    tcase_add_test(tc, short_credit_and_ads);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
