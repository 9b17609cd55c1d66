-- The inbox is the staff's (V119): a partner organization's users see none of it.
SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'integrations', 'channel_routes', 'contacts', 'conversations', 'response_templates', 'messages',
    'message_external_ids', 'media_files', 'message_outbox', 'auto_replies', 'tags', 'conversation_tags',
    'scheduled_messages', 'inbox_agents', 'conversation_reads', 'inbox_settings', 'whatsapp_media'
]::regclass[]) t;
