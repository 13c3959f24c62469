"""Clean: strip boilerplate from a scraped article, keep the story, map every block to the source.

The source text is cut into blocks (a line, or a hard-wrapped paragraph). Each block is labelled
title, subtitle, heading, paragraph or boilerplate from signals that survive the loss of HTML:

1. local rules: lexicons of calls to action (`data/boilerplate/lexicon.toml`), byline, avatar and
   date patterns, a site's own phrases (`Settings.boilerplate_phrases`), corpus repetition
   (`RepeatIndex`) and duplicates within the article;
2. text quality: word count, stop-word density and terminal punctuation, as jusText measures them;
3. position: the story is the stretch of blocks with the highest total quality (a maximum
   subarray), so site headers and footers fall outside it; titles, subtitles and bylines are
   looked for just before it;
4. neighbours: inside the story, a short block between body paragraphs is body, a short block
   that introduces body text is a heading, and a run of short lines is a menu or tag list.

Kept blocks are copied verbatim into the clean text, joined by a blank line; each dropped block
becomes a `Removal` with a reason a person can read. HTML articles (already reduced to the main
text by trafilatura) skip rules 3 and 4: only explicit boilerplate is removed from them.

Modules: `text` (features of a block's text), `patterns` (lexicon, bylines, avatars, dates), `units`
(the blocks and their quality), `repetition` (`RepeatIndex`), `local` (rule 1 and duplicates), `titles`
(titles and subtitles), `span` (rule 3), `inside` and `teasers` (rule 4), `label` (runs the passes in
order) and `decide` (`explain`, `clean`, `cleaned_from`, `format_explanation`).
"""

from .decide import BlockDecision, clean, cleaned_from, explain, format_explanation
from .patterns import LEXICON, load_lexicon, match_byline, match_date, match_lexicon
from .repetition import RepeatIndex
from .text import KEPT_KINDS, normalise, pick_stop_words
from .units import split_units

__all__ = [
    "KEPT_KINDS", "LEXICON", "BlockDecision", "RepeatIndex", "clean", "cleaned_from", "explain",
    "format_explanation", "load_lexicon", "match_byline", "match_date", "match_lexicon", "normalise",
    "pick_stop_words", "split_units",
]
