// A small CASE package for the studio's tests: a cluster and the two standards under it
// (three competencies), as the file a teacher would choose (`setInputFiles`).
const link = (id, from, to) => ({ identifier: id, associationType: "isChildOf", originNodeURI: { identifier: from, uri: `urn:${from}` }, destinationNodeURI: { identifier: to, uri: `urn:${to}` } });
const ratios = {
  CFDocument: { identifier: "doc-1", title: "Ratios, grade 6" },
  CFItems: [
    { identifier: "i1", humanCodingScheme: "6.RP.A", fullStatement: "Understand ratio concepts." },
    { identifier: "i2", humanCodingScheme: "6.RP.A.1", fullStatement: "Use ratio language to describe a relationship." },
    { identifier: "i3", humanCodingScheme: "6.RP.A.3", fullStatement: "Use ratio and rate reasoning to solve problems." },
  ],
  CFAssociations: [link("a1", "i2", "i1"), link("a2", "i3", "i1")],
};
export const ratiosCaseFile = { name: "ratios.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(ratios)) };
