// name: Projects and their partners
// description: Infrastructure and restructuring projects with every party involved.
// requires: { labels: [Project] }
// parameters: []
MATCH (project:Project)<-[role]-(partner)
WHERE type(role) <> 'MENTIONED_IN'
RETURN project, role, partner, type(role) AS how
ORDER BY project.name, how
