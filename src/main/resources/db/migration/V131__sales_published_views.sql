-- What other modules may read of sales' tables: the inbox links a contact to a customer by phone or email and shows
-- the customer's recent sales and open (parked) ones beside the conversation.
CREATE VIEW sales_customers WITH (security_invoker = true) AS
SELECT tenant_id, id, first_name, last_name, email, phone, total_purchases, purchase_count, last_purchase_at, active,
       deleted_at
FROM customers;

CREATE VIEW sales_customer_sales WITH (security_invoker = true) AS
SELECT tenant_id, id, customer_id, status, invoice_number, currency, total, sale_date
FROM sales;

GRANT SELECT ON sales_customers, sales_customer_sales TO ${app_role};
