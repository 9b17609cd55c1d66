-- Unread counts (Conversations.SUMMARY) count a conversation's contact messages after the agent last read it; for an
-- agent who never opened the conversations that is every contact message. The thread index would read each message
-- row to check its sender; this one holds the contact's messages only, so the count is an index-only scan.
-- Created on the parent: every partition, present and made ahead by the scheduler, gets its own.
CREATE INDEX messages_contact_unread_idx ON messages (tenant_id, conversation_id, created_at)
    WHERE sender_type = 'contact';
