import { knowledgeRoutes } from '../../shared/api/routes/knowledge';
import { httpHandler } from '../lib/http';
import { archiveEntry, createEntry, getEntry, listEntries, listGaps, promoteAppeal, publishEntry, searchKnowledge, updateEntry } from '../services/knowledge-service';

export const handler = httpHandler(knowledgeRoutes, {
  searchKnowledge: ({ caller, query, now }) => searchKnowledge(caller, query, now),
  listKnowledgeEntries: ({ caller, query }) => listEntries(caller, query),
  getKnowledgeEntry: ({ caller, params }) => getEntry(caller, params.entryId),
  createKnowledgeEntry: ({ caller, body, now }) => createEntry(caller, body, now),
  updateKnowledgeEntry: ({ caller, params, body, now }) => updateEntry(caller, params.entryId, body, now),
  publishKnowledgeEntry: ({ caller, params, body, now }) => publishEntry(caller, params.entryId, body.version, now),
  archiveKnowledgeEntry: ({ caller, params, body, now }) => archiveEntry(caller, params.entryId, body.version, now),
  promoteAppealToKnowledge: ({ caller, params, body, now }) => promoteAppeal(caller, params.appealId, body, now),
  listKnowledgeGaps: ({ caller, query }) => listGaps(caller, query.month, query),
});
