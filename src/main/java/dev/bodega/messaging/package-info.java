/**
 * The customer inbox (seed 002): channels (web chat here; WhatsApp Cloud API alongside), contacts linked to sales
 * customers, conversations handled by a team with assignment, tags, canned answers and auto-replies, scheduled
 * messages, satisfaction and metrics, live in the agent's browser through Server-Sent Events. Sales customers and
 * their recent sales are read through the views sales publishes; users through platform's. The assistants tell a
 * partner organization's contact of its customer orders and transfer requests through sales' and inventory's APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging",
        allowedDependencies = {"platform", "sales", "inventory"})
package dev.bodega.messaging;
