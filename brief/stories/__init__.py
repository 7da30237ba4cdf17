"""Stories: the run's articles grouped by what their Korean texts share, ranked for the digest, with
their key figures; and the order of quotes in "Who said what"."""

from __future__ import annotations

from brief.stories.group import LINK, build_stories, first_sentence

__all__ = ["LINK", "build_stories", "first_sentence"]
