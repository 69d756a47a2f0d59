//! What the student chose to do: a quiz, timed practice, a mock exam or
//! flashcards.

/// What the student chose to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Activity {
    Quiz,
    Timed,
    Exam,
    Flashcards,
}

impl Activity {
    pub(super) const ALL: [Activity; 4] = [
        Activity::Quiz,
        Activity::Timed,
        Activity::Exam,
        Activity::Flashcards,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Activity::Quiz => "Quiz",
            Activity::Timed => "Timed practice",
            Activity::Exam => "Mock exam",
            Activity::Flashcards => "Flashcards",
        }
    }

    pub(super) fn key(self) -> &'static str {
        match self {
            Activity::Quiz => "quiz",
            Activity::Timed => "timed",
            Activity::Exam => "exam",
            Activity::Flashcards => "flashcards",
        }
    }

    pub(super) fn hint(self) -> &'static str {
        match self {
            Activity::Quiz => "One question at a time, with the answer explained after each.",
            Activity::Timed => "A scored run against the clock: 30 seconds a question.",
            Activity::Exam => {
                "The Foundation format: 40 questions across the syllabus in 60 minutes, pass at 26 (65%). Flag questions to come back to; every answer is explained in the review at the end."
            }
            Activity::Flashcards => {
                "The cards due today. Turn a card over, then rate how well you knew it: the scheduler brings it back on the right day."
            }
        }
    }

    /// Whether the student picks areas and a length (the exam has its own).
    pub(super) fn chooses_areas(self) -> bool {
        self != Activity::Exam
    }
}
