-- V75 made (tenant_id, sale_id, position) partial; a partial index cannot serve a join from sales to their
-- lines (the join does not name sale_id IS NOT NULL), so reports over many sales walked every line of the
-- company. Back to the plain unique key: only returns reference sale lines, so its foreign-key checks are rare.
DROP INDEX sale_lines_position_key;
ALTER TABLE sale_lines ADD CONSTRAINT sale_lines_tenant_id_sale_id_position_key UNIQUE (tenant_id, sale_id, position);
