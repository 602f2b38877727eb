#!/usr/bin/env bash
# Builds the web app into dist/ (release, size-optimised) and seals it with a strict CSP.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
# Trunk runs cargo offline (TRUNK_OFFLINE): the crates must be here first.
cargo fetch --locked
# Two pages, two Trunk builds: the citizen's (index.html) into dist/, the
# clerk's (clerk.html, with its worker) beside it, then both sealed.
rm -rf dist dist-clerk
# The citizen's page, the one every phone downloads, is built with the pinned
# nightly ($NIGHTLY, scripts/env.sh) rebuilding the standard library so that a
# panic aborts at once (`-Cpanic=immediate-abort`) and carries no file and line
# (`-Zlocation-detail=none`): no panic messages, and none of the formatting
# code that only they used. 139.8 -> 119.x KB gzipped (issue 18: <= 120 KB).
# The page never shows a panic: with a message it went to the console only.
# Its own target directory, so that it and the clerk's stable build do not
# rebuild each other's crates; the library's crates fetched first, as Trunk
# runs cargo offline.
cargo "+$NIGHTLY" fetch --quiet \
  --manifest-path "$(rustc "+$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
RUSTUP_TOOLCHAIN="$NIGHTLY" CARGO_TARGET_DIR="$ROOT/target/citizen" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  trunk build --release=true --dist dist index.html
trunk build --release=true --dist dist-clerk clerk.html
# Trunk names every page it builds index.html.
cp dist-clerk/index.html dist/clerk.html
cp dist-clerk/kgpin-clerk* dist-clerk/kgpin-worker* dist-clerk/kgpin-xlsx* dist/
rm -rf dist-clerk
node scripts/csp.mjs dist/index.html
node scripts/csp.mjs dist/clerk.html
# Size budgets, gzipped (counted in bytes, the stricter reading); the build
# fails above them, as the package's does. The citizen's page is what every
# phone downloads: 279 KB when it carried the workstation, 150 KB since the
# split, 136 KB since the several-numbers answers kept on the device are
# read and written through the browser's JSON instead of serde's 15 KB (issue
# 18 asks for 120 KB: yew and the three languages' words are most of what is
# left). The clerk's page (the
# citizen's frame + the workstation: 281 KB at the split, then the name keys
# that tell "the same name, written otherwise" 4.7 KB, the keyboard and the
# kept-decisions note 3.9 KB, so 291.7 KB; then the export a colleague can
# act on, whose PIN to keep is the core's person module, 6.7 KB, and the rows
# kept with a problem, located, 1.3 KB: 300.0 KB; then the workbook's sheet
# choice and the messages of the workbook worker, 5.1 KB: 308.6 KB; then a
# record split off its cluster (the toggle, its export, store, undo and the
# note when it comes back beside a look-alike), 8.9 KB: 317.5 KB; then the
# tab's registry read again when the clerk comes back to the page, 4.3 KB:
# 321.8 KB; "taken back" said on undo and why the queue is shorter, 0.2 KB:
# 321.9 KB; the note on a record back beside a look-alike said only when
# that record is beside records its decision never saw, 1.0 KB: 322.9 KB;
# a review's findings: imports that never overwrite a split, a restore that
# invents no split, a cancel that posts nothing, 0.9 KB: 323.8 KB) and its
# worker (165 KB: the engine, the CSV reader, issue 16's name model and
# review band; 170.0 KB with the sheet's name and rows located after blank
# lines; 171.7 KB with the header found below a report's title; 172.5 KB
# with names lowered and written in Latin by one-script shortcuts, which
# take a third of the instructions out of the name folding every record
# goes through; 172.8 KB with a file without quotes read line by line,
# without the CSV parser, the blocking keys sorted in parts and a pair
# compared once: 30% fewer instructions for a whole run; 173.7 KB with
# each record keeping the numbers of the blocks it shares instead of all
# its keys, a fifth less peak memory, and the pairs clustering keeps apart
# asked about in the review band; 174.4 KB with the loaded records packed
# in one buffer and the file read a slice at a time, a fifth less of the
# tab at a million rows; 174.5 KB with a Kyrgyz ө typed е counted as one
# slip; 174.7 KB with a spreadsheet-cut PIN's day and month as a key;
# 174.8 KB with 12-byte key entries; 175.2 KB with the CSV reader split so
# that a file can be read a piece at a time: the CLI's, a sixth less peak
# memory; the worker read in pieces was no smaller a tab, so it read whole
# (until stop 33, below);
# 178.5 KB, and the page 325.7 KB, with the clusters export made again by
# the engine with the clerk's decisions, so that a "same person" never joins
# records the rules keep apart through a third; the page 327.1 KB with a band
# pair saying which cluster already holds one of its records) are downloaded
# by clerks only.
budget() { # file budget-bytes
  local gz
  gz=$(gzip -9 -c "dist/$1" | wc -c)
  echo "kgpin app: $1 $gz bytes gzipped; budget $2" >&2
  if [ "$gz" -gt "$2" ]; then
    echo "kgpin app: $1 is over its size budget" >&2
    return 1
  fi
}
status=0
# Stop 31: 136.1 -> 138.8 KB for answers that were wrong (a double PIN while
# the typed date waits, a mistyped passport number, the only document's slip).
# Stop 32: 138.8 -> 139.5 KB for wrong answers found by a review and a
# citizen's reading (no sex or no date given, a child's identity document).
# Stop 35: 139.8 -> 119.4 KB with the standard library rebuilt by the pinned
# nightly without panic messages (above): the issue's 120 KB is the budget.
# Then 115.5 KB with the sex column's few words lowered by hand, not by the
# Unicode case table (Sex::from_str was the page's only user of it).
# Stop 37: 116.2 -> 119.5 KB for a citizen's reading's mends (numbers one
# slip apart, each number's document chosen, kept answers that follow a
# change, a date that cannot be read said not compared, PINs read through
# quotes, ",00" and Arabic-Indic digits); wasm-opt's --converge (index.html)
# took 0.1 KB back.
# Stop 38: 119.7 -> 119.8 KB: two neighbouring digits swapped in a date
# said as a slip (a number issued from 21.03 for 12.03 was "another person's").
# Then 119.9 KB: near numbers on different dates, or none on the typed date,
# ask about the date before naming a number to correct (the earliest date
# named: the nearest in days cost 0.3 KB, the days' arithmetic).
# Stop 39: 119.9 -> 117.8 KB: classes that change set as the className
# property, not through yew's `Classes` set (-2.6 KB, components/mod.rs);
# a number dated before any living person compared with its document first
# (+0.4 KB); then its own role and finding, whatever else is given (+0.7 KB);
# then 119.3 KB for a second review's mends of it (+0.8 KB), 119.6 KB for a
# third's, 119.8 KB for saying why the passport's number stays.
budget kgpin-web_bg.wasm 120000 || status=1
# Stop 31: +0.7 KB for the citizen's double-PIN and retyping answers, which
# the clerk's page carries with the core's person module.
# Stop 32: +0.2 KB for the same answers' mends (the page carries the core's person module).
# Stop 33: +0.3 KB: a reason's words are the messages' text, not a copy
# (`Cow`), which the page reads back from the worker.
# Then the loaded file compared by address when the screens' props are
# (a decision 280 -> 45 ms at a million rows), +21 bytes.
# Stop 34: a pre-check by names alone says so and what to add to the
# search, and a candidate with no date or PIN to compare says that (three
# languages each), +0.5 KB.
# Stop 37: +3.1 KB for a citizen's reading's mends, which the clerk's page
# carries with the citizen's pages and the core's person module: numbers one
# slip apart compared with the documents first, a wrong date with the other
# sex digit taken for another person's, each number's document chosen (not
# preset by its row), kept answers that follow a change, a date that cannot
# be read said not compared (the citizen's page 116.2 -> 119.5 KB for them).
# Then +0.3 KB for a review's mends of them and PINs read through quotes,
# +0.2 KB for their ky and ru words checked.
# +0.2 KB: a far number beside a slip in the typed date asks first too.
# Stop 38: +0.3 KB for two neighbouring digits swapped in a date (21.03 for
# 12.03) said as a slip, to the citizen and as a pair's reason (three
# languages each; the citizen's page 119.7 -> 119.8 KB for it).
# Stop 39: +0.7 KB for a number whose date no living person has (1892 for
# 1982), compared with its document first and never "another person's" (a
# role and a finding, three languages each), less 0.3 KB for the className.
# Then +0.8 KB for a second review's mends of it (a typed 1892 refused by the
# form and asked about against the numbers' real date; copies compared; one
# or several numbers worded apart; Russian "134 года"). Then +0.6 KB for a
# third review's (ages and years no one has, documents mid-sentence, the
# PIN field's button under it on a phone).
# Stop 40: +0.9 KB of code (0.5 KB of budget) for the clusters' slices
# asked for one at a time (see the worker's budget below).
# Then +0.2 KB of code (0.3 KB of budget): a question on one PIN says who
# would keep the number were the two different people (ky, ru, en).
# Its margin (0.4 KB): 32 crate source paths under CARGO_HOME are in the
# module, so another machine's home changes its size.
budget kgpin-clerk_bg.wasm 336000 || status=1
# The worker 178,828 bytes at stop 29 (+371 for the pre-check's candidates ranked
# before they are explained, a 0.72-0.88x query).
# Stop 31: +0.2 KB for the review band's three slip shapes (a name refused
# where one spelling is established and the other is not).
# Stop 33: +2.5 KB for the file read a slice at a time through the CSV
# reader's pieces (a cut where a record starts, the room for the records
# made from the first slice): with the reasons' words no longer copied, the
# worker's memory at a million rows 574 -> 528 MB, the tab ~850 -> ~815 MB
# (each alone moved the worker's high-water mark from one stage to the next,
# 574 -> 568 MB).
# Stop 34: 181.8 -> 182.8 KB for names swapped with a slip on each side
# (their stems compared only for a swap's second name, +0.2 KB, for 1.10x
# -> 0.98x cpu at 1M) and the pre-check's query searching a crowd of
# namesakes by the father's name (0.72x the time, and the person asked
# about no longer cut off).
# Stop 35: +0.8 KB for the band's questions on names alone about a record
# already placed by its date or PIN, dropped (4% of the country band at 1M,
# 12% of the standard one), their links kept for a clerk's decisions.
# Then +0.3 KB for the sex column's words lowered by hand (the citizen's
# page 3.9 KB lighter without the Unicode case table; the worker keeps it for
# names and carries both).
# Stop 36: +0.9 KB for the first name with the full date as a key for
# records that lost their father's name or have a rare spelling of it or
# of the surname (a bit per record and per block says which pairs its blocks
# compare), and the pairs just below the band that the score undercounts:
# band recall 0.9810 -> 0.9850 at 1M, 0.9722 -> 0.9790 at 7.3M (country).
# Then +0.3 KB for a review's mends (that key's cap counted in pairs with a
# probe, the pre-check taking a block's probes).
# Stop 37: +0.2 KB for PINs read through quotes, ",00" and Arabic-Indic digits.
# Stop 38: +0.3 KB for two neighbouring digits swapped in a date as a pair's
# reason and slip (recall 0.9256 -> 0.9270, band recall 0.9823 -> 0.9864 on
# a country registry whose date slips include them).
# Then +0.5 KB for the table that tells a repeated id made its room at once
# (and rows read 4,096 at a time, not 65,536): the tab at a million rows
# 800 -> 776 MB in one run (778-831 MB over four runs of the stop's final
# build: it spreads by 50 MB), the native peak 398 -> 366 MiB.
# Stop 40: +0.6 KB for blocking entries written straight into their part
# of the sort, unzeroed, and each record's list of blocks written by parts
# of the records (see scripts/build-package.sh).
# Then +0.3 KB (and the clerk's +0.9 KB): the clusters' slices sent one at
# a time, each once the page has taken the one before (the tab at a million
# rows 841-854 -> 766-786 MB: the slices were all in flight at once).
# Then +0.6 KB: a pair on one PIN with a slipped name asked about rather
# than said to be two people (the pre-check labels it too), and every slice
# sent at once to a page from before the pacing (a tab left open across an
# update of the site fetches the new worker).
# Its margin (0.3 KB): the module carries nine crate source paths under
# CARGO_HOME (panic locations), so another machine's home changes its size.
# Then +0.3 KB: a "different people" decision on a pair entry no longer
# counted among the clusters it took out of the queue.
# Stop 41: +0.5 KB for a pair born apart beyond a slip whose names could
# not weigh enough to report it passed over unscored (compare::beneath),
# with its shortcuts (see scripts/build-package.sh); then 0.4 KB back when a
# date its own PIN confirms was said once: 187.9 KB, the budget's raise kept
# as margin.
# Stop 42: the clustering's sorts as plain numbers, not a stable sort
# instantiated for each closure (see scripts/build-package.sh): 185.2 KB.
# Then +1.8 KB for names' shapes, the union-find over linked records, ids'
# ends in 4 bytes and reasons at their length (see build-package.sh):
# 187.0 KB, under stop 41's 188.5 KB budget.
budget kgpin-worker_bg.wasm 187500 || status=1
# The workbook worker (calamine's zip and XML readers and kgpin::workbook,
# 264.9 KB): fetched only when a clerk gives an .xlsx file, never by a CSV's
# clerk. About half its data section is encoding_rs's tables, which
# quick-xml's `encoding` feature (turned on by calamine) links in: the one
# place left to trim.
budget kgpin-xlsx_bg.wasm 270000 || status=1
exit $status
