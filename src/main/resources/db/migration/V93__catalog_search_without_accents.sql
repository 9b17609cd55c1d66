-- The item search forgives accents as it forgives typos: "bujia" finds "Bujía". Names are compared folded
-- (lower case, accents and ñ taken off, the same expression as ItemSearch's), with a trigram index of their own.
CREATE INDEX items_name_folded_trgm_idx ON items
    USING gin (translate(lower(name), 'áàâäéèêëíìîïóòôöúùûüñç', 'aaaaeeeeiiiioooouuuunc') gin_trgm_ops);
