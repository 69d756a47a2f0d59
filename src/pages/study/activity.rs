//! What the student chose to do: quiz, flashcards or timed practice.

/// What the student chose to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Activity {
    Quiz,
    Flashcards,
    Timed,
}

impl Activity {
    pub(super) const ALL: [Activity; 3] = [Activity::Quiz, Activity::Flashcards, Activity::Timed];

    pub(super) fn label(self) -> &'static str {
        match self {
            Activity::Quiz => "Quiz",
            Activity::Flashcards => "Flashcards",
            Activity::Timed => "Timed practice",
        }
    }

    pub(super) fn key(self) -> &'static str {
        match self {
            Activity::Quiz => "quiz",
            Activity::Flashcards => "flashcards",
            Activity::Timed => "timed",
        }
    }

    pub(super) fn hint(self) -> &'static str {
        match self {
            Activity::Quiz => "One question at a time, with the answer explained after each.",
            Activity::Flashcards => "Turn cards over at your own pace. Nothing is scored.",
            Activity::Timed => "A scored run against the clock: 30 seconds a question.",
        }
    }
}
