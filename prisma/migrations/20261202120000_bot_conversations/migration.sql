-- The chatbot's conversations, their masked transcript and the agents' availability (issue 10).
-- CreateTable
CREATE TABLE "BotConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'bot',
    "slots" TEXT NOT NULL DEFAULT '{}',
    "dialog" TEXT NOT NULL DEFAULT '{}',
    "results" TEXT NOT NULL DEFAULT '{}',
    "unhelpful" INTEGER NOT NULL DEFAULT 0,
    "handoffKind" TEXT,
    "handoffReason" TEXT,
    "waitingSince" DATETIME,
    "assigneeId" TEXT,
    "callbackPhone" TEXT,
    "callbackWindow" TEXT,
    "outcome" TEXT,
    "outcomeNote" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BotMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "conversationId" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "intent" TEXT,
    "score" REAL,
    "entities" TEXT,
    "slots" TEXT,
    "quickReplies" TEXT NOT NULL DEFAULT '[]',
    "citations" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "BotMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "BotConversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgentPresence" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "BotConversation_state_waitingSince_idx" ON "BotConversation"("state", "waitingSince");

-- CreateIndex
CREATE INDEX "BotConversation_userId_idx" ON "BotConversation"("userId");

-- CreateIndex
CREATE INDEX "BotMessage_conversationId_id_idx" ON "BotMessage"("conversationId", "id");
